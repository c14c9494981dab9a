import { structureNameLoader, regionLinesFromDepartments } from "../domain/financing/funding-loaders";
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { FundingLine } from "../domain/federation/funding.types";
import { cafFunder } from "../domain/financing/funders";
import { byKey, groupBy, perKey } from "../platform/graphql/batch";
import { FundingSource } from "../domain/enums";
import { toCents } from "../domain/money";
import { DetailTable, departmentDetailLoaders } from "../domain/financing/detail-loaders";
import { ParentalityGrantRow } from "./parentality-grant.entity";

export type CafLoaders = ReturnType<typeof createCafLoaders>;

/** Every grant counts, with its fund, SIRET and axes (the explorer's details). */
const GRANT_DETAILS: DetailTable = {
  from: (qb) => qb.from(ParentalityGrantRow, "g"),
  columns: {
    territory: "g.department_code",
    year: "g.year",
    cents: "g.amount_cents",
    dossier: "g.project_ref",
    siret: "g.siret",
    source: "g.fund",
    axes: "g.axes",
  },
  funder: (department) => cafFunder(department),
  forecast: false,
};

export function createCafLoaders(ds: DataSource) {
  const grants = ds.getRepository(ParentalityGrantRow);
  const grantsBy = (column: "departmentCode" | "siret" | "projectRef") =>
    new DataLoader<string, ParentalityGrantRow[]>(async (keys) => {
      const grouped = groupBy(
        await grants.find({ where: { [column]: In([...keys]) }, order: { year: "ASC", id: "ASC" } }),
        (g) => g[column] as string,
      );
      return keys.map((k) => grouped.get(k) ?? []);
    });
  /** Sums per department, year, fund and dossier; the caller regroups by its own key (department, structure…). */
  const lines = (keyColumn: string) =>
    new DataLoader<string, FundingLine[]>(async (keys) => {
      const rows = await ds
        .createQueryBuilder()
        .select(keyColumn, "key")
        .addSelect("g.department_code", "department")
        .addSelect("g.year", "year")
        .addSelect("g.fund", "fund")
        .addSelect("g.project_ref", "dossier")
        .addSelect("SUM(g.amount_cents)", "cents")
        .from(ParentalityGrantRow, "g")
        .where(`${keyColumn} IN (:...keys)`, { keys: [...keys] })
        .groupBy(keyColumn)
        .addGroupBy("g.department_code")
        .addGroupBy("g.year")
        .addGroupBy("g.fund")
        .addGroupBy("g.project_ref")
        .getRawMany<{
          key: string;
          department: string;
          year: string | number;
          fund: FundingSource;
          dossier: string | null;
          cents: string | number;
        }>();
      const grouped = groupBy(rows, (r) => r.key);
      return perKey(keys, (k) =>
        (grouped.get(k) ?? []).map((r) => ({
          year: Number(r.year),
          source: r.fund,
          funder: cafFunder(r.department),
          cents: toCents(r.cents),
          dossier: r.dossier,
          forecast: false,
        })),
      );
    });
  const byDepartment = lines("g.department_code");

  return {
    grantById: new DataLoader<number, ParentalityGrantRow | undefined>(async (ids) =>
      byKey(await grants.findBy({ id: In([...ids]) }), (g) => g.id, ids),
    ),
    grantsByDepartment: grantsBy("departmentCode"),
    grantsByStructure: grantsBy("siret"),
    grantsByProject: grantsBy("projectRef"),
    structureName: structureNameLoader(ds),
    linesByDepartment: byDepartment,
    linesByRegion: regionLinesFromDepartments(byDepartment),
    linesByStructure: lines("g.siret"),
    linesByProject: lines("g.project_ref"),
    ...departmentDetailLoaders(ds, GRANT_DETAILS, { department: "g.department_code", structure: "g.siret", project: "g.project_ref" }),
  };
}
