import { structureNameLoader, regionLinesFromDepartments } from "../domain/financing/funding-loaders";
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { FundingSource } from "../domain/enums";
import { FundingLine } from "../domain/federation/funding.types";
import { departmentFunder } from "../domain/financing/funders";
import { byKey, groupBy, perKey } from "../platform/graphql/batch";
import { toCents } from "../domain/money";
import { DetailTable, departmentDetailLoaders } from "../domain/financing/detail-loaders";
import { DepartmentalCreditRow } from "./departmental-credit.entity";

export type DepartementsLoaders = ReturnType<typeof createDepartementsLoaders>;

/** Every credit counts, source DEPARTMENT, with its SIRET and axes (the explorer's details). */
const CREDIT_DETAILS: DetailTable = {
  from: (qb) => qb.from(DepartmentalCreditRow, "c"),
  columns: {
    territory: "c.department_code",
    year: "c.year",
    cents: "c.amount_cents",
    dossier: "c.project_ref",
    siret: "c.siret",
    axes: "c.axes",
  },
  source: FundingSource.DEPARTMENT,
  funder: (department) => departmentFunder(department),
  forecast: false,
};

export function createDepartementsLoaders(ds: DataSource) {
  const credits = ds.getRepository(DepartmentalCreditRow);
  const creditsBy = (column: "departmentCode" | "siret" | "projectRef") =>
    new DataLoader<string, DepartmentalCreditRow[]>(async (keys) => {
      const grouped = groupBy(
        await credits.find({ where: { [column]: In([...keys]) }, order: { year: "ASC", id: "ASC" } }),
        (c) => c[column] as string,
      );
      return keys.map((k) => grouped.get(k) ?? []);
    });
  /** Departmental credits per key, department, year and dossier: always source DEPARTMENT. */
  const lines = (keyColumn: string) =>
    new DataLoader<string, FundingLine[]>(async (keys) => {
      const rows = await ds
        .createQueryBuilder()
        .select(keyColumn, "key")
        .addSelect("c.department_code", "department")
        .addSelect("c.year", "year")
        .addSelect("c.project_ref", "dossier")
        .addSelect("SUM(c.amount_cents)", "cents")
        .from(DepartmentalCreditRow, "c")
        .where(`${keyColumn} IN (:...keys)`, { keys: [...keys] })
        .groupBy(keyColumn)
        .addGroupBy("c.department_code")
        .addGroupBy("c.year")
        .addGroupBy("c.project_ref")
        .getRawMany<{ key: string; department: string; year: string | number; dossier: string | null; cents: string | number }>();
      const grouped = groupBy(rows, (r) => r.key);
      return perKey(keys, (k) =>
        (grouped.get(k) ?? []).map((r) => ({
          year: Number(r.year),
          source: FundingSource.DEPARTMENT,
          funder: departmentFunder(r.department),
          cents: toCents(r.cents),
          dossier: r.dossier,
          forecast: false,
        })),
      );
    });
  const byDepartment = lines("c.department_code");

  return {
    creditById: new DataLoader<number, DepartmentalCreditRow | undefined>(async (ids) =>
      byKey(await credits.findBy({ id: In([...ids]) }), (c) => c.id, ids),
    ),
    creditsByDepartment: creditsBy("departmentCode"),
    creditsByStructure: creditsBy("siret"),
    creditsByProject: creditsBy("projectRef"),
    structureName: structureNameLoader(ds),
    linesByDepartment: byDepartment,
    linesByRegion: regionLinesFromDepartments(byDepartment),
    linesByStructure: lines("c.siret"),
    linesByProject: lines("c.project_ref"),
    ...departmentDetailLoaders(ds, CREDIT_DETAILS, { department: "c.department_code", structure: "c.siret", project: "c.project_ref" }),
  };
}
