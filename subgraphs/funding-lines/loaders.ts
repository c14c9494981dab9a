/**
 * The per-request DataLoaders of a funder's lines, one SQL statement per batch: the rows by id,
 * department, structure and dossier (the API's lists), the cross-financing lines and the explorer's
 * details by region, department, structure and dossier, the structure names it recorded.
 */
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { FundingSource } from "../domain/enums";
import { FundingLine } from "../domain/federation/funding.types";
import { toCents } from "../domain/money";
import { byKey, groupBy, perKey } from "../platform/graphql/batch";
import { regionLinesFromDepartments, structureNameLoader } from "../domain/financing/funding-loaders";
import { departmentDetailLoaders, DetailTable } from "../domain/financing/detail-loaders";
import type { AnyFundingLineFunder, FundingLineRow } from "./funder";

/** The SQL alias of a funder's table in the block's queries. */
export const LINE_ALIAS = "l";
const column = (name: string) => `${LINE_ALIAS}.${name}`;
const KEY_COLUMNS = { department: column("department_code"), structure: column("siret"), project: column("project_ref") };

/** Where the explorer reads a funder's details: every line counts, with its SIRET (and axes when tagged). */
export function detailTable(funder: AnyFundingLineFunder): DetailTable {
  const source = typeof funder.source === "string" ? { source: funder.source } : {};
  return {
    from: (qb) => qb.from(funder.row, LINE_ALIAS),
    columns: {
      territory: KEY_COLUMNS.department,
      year: column("year"),
      cents: column("amount_cents"),
      dossier: KEY_COLUMNS.project,
      siret: KEY_COLUMNS.structure,
      ...(typeof funder.source === "string" ? {} : { source: column(funder.source.column) }),
      ...(funder.axes ? { axes: column("axes") } : {}),
    },
    ...source,
    funder: (department) => funder.funderName(department),
    forecast: false,
  };
}

interface SummedRow {
  key: string;
  department: string;
  year: string | number;
  source?: FundingSource;
  dossier: string | null;
  cents: string | number;
}

/** Sums per key, department, year, source and dossier: the lines cross-financing adds up. */
function linesLoader(ds: DataSource, funder: AnyFundingLineFunder, keyColumn: string) {
  const sourceColumn = typeof funder.source === "string" ? null : column(funder.source.column);
  return new DataLoader<string, FundingLine[]>(async (keys) => {
    const qb = ds
      .createQueryBuilder()
      .select(keyColumn, "key")
      .addSelect(KEY_COLUMNS.department, "department")
      .addSelect(column("year"), "year")
      .addSelect(KEY_COLUMNS.project, "dossier")
      .addSelect(`SUM(${column("amount_cents")})`, "cents")
      .from(funder.row, LINE_ALIAS)
      .where(`${keyColumn} IN (:...keys)`, { keys: [...keys] })
      .groupBy(keyColumn)
      .addGroupBy(KEY_COLUMNS.department)
      .addGroupBy(column("year"))
      .addGroupBy(KEY_COLUMNS.project);
    if (sourceColumn) qb.addSelect(sourceColumn, "source").addGroupBy(sourceColumn);
    const grouped = groupBy(await qb.getRawMany<SummedRow>(), (r) => r.key);
    return perKey(keys, (k) =>
      (grouped.get(k) ?? []).map((r) => ({
        year: Number(r.year),
        source: typeof funder.source === "string" ? funder.source : (r.source as FundingSource),
        funder: funder.funderName(r.department),
        cents: toCents(r.cents),
        dossier: r.dossier,
        forecast: false,
      })),
    );
  });
}

export function createFundingLineLoaders<Row extends FundingLineRow>(ds: DataSource, funder: AnyFundingLineFunder<Row>) {
  const rows = ds.getRepository<FundingLineRow>(funder.row);
  const rowsBy = (property: "departmentCode" | "siret" | "projectRef") =>
    new DataLoader<string, Row[]>(async (keys) => {
      const found = (await rows.find({ where: { [property]: In([...keys]) }, order: { year: "ASC", id: "ASC" } })) as Row[];
      const grouped = groupBy(found, (r) => r[property] as string);
      return keys.map((k) => grouped.get(k) ?? []);
    });
  const linesByDepartment = linesLoader(ds, funder, KEY_COLUMNS.department);
  return {
    rowById: new DataLoader<number, Row | undefined>(async (ids) =>
      byKey((await rows.findBy({ id: In([...ids]) })) as Row[], (r) => r.id, ids),
    ),
    rowsByDepartment: rowsBy("departmentCode"),
    rowsByStructure: rowsBy("siret"),
    rowsByProject: rowsBy("projectRef"),
    structureName: structureNameLoader(ds),
    linesByDepartment,
    linesByRegion: regionLinesFromDepartments(linesByDepartment),
    linesByStructure: linesLoader(ds, funder, KEY_COLUMNS.structure),
    linesByProject: linesLoader(ds, funder, KEY_COLUMNS.project),
    ...departmentDetailLoaders(ds, detailTable(funder), KEY_COLUMNS),
  };
}

export type FundingLineLoaders<Row extends FundingLineRow = FundingLineRow> = ReturnType<typeof createFundingLineLoaders<Row>>;
