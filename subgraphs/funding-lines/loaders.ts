/**
 * The per-request DataLoaders of a funder's lines, one SQL statement per batch: the rows by id,
 * department, structure and dossier (the API's lists, one statement per year asked), the
 * cross-financing lines and the explorer's details by region, department, structure and dossier,
 * the structure names it recorded.
 */
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { FundingSource } from "../domain/enums";
import { FundingLine } from "../domain/federation/funding.types";
import { toCents } from "../domain/money";
import { byKey, groupBy, perKey } from "../platform/graphql/batch";
import { regionLinesFromDepartments, structureNameLoader } from "../domain/financing/funding-loaders";
import { departmentDetailLoaders, DetailTable } from "../domain/financing/detail-loaders";
import type { AnyFundingLineFunder, FundingLineRow, ListedRow } from "./funder";
import { LINE_ALIAS, listedLines, ListProperty } from "./line-rows.repository";
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

/** A list's key: the department, SIRET or dossier, and the year asked (null: every year). */
export interface ListKey {
  key: string;
  year: number | null;
}
const listKeyId = ({ key, year }: ListKey) => `${year ?? "*"}|${key}`;

/** A list's lines by key and year: one statement per distinct year of the batch (normally one). */
function listLoader<Row extends FundingLineRow>(ds: DataSource, funder: AnyFundingLineFunder<Row>, property: ListProperty) {
  return new DataLoader<ListKey, ListedRow<Row>[], string>(
    async (keys) => {
      const found = new Map<string, ListedRow<Row>[]>();
      const years = groupBy(keys, (k) => k.year);
      await Promise.all(
        [...years].map(async ([year, ofYear]) => {
          const asked = ofYear.map((k) => k.key);
          const lines = await listedLines(ds, funder, property, asked, year);
          for (const [key, rows] of groupBy(lines, (r) => r[property] as string)) found.set(listKeyId({ key, year }), rows);
        }),
      );
      return keys.map((k) => found.get(listKeyId(k)) ?? []);
    },
    { cacheKeyFn: listKeyId },
  );
}

export function createFundingLineLoaders<Row extends FundingLineRow>(ds: DataSource, funder: AnyFundingLineFunder<Row>) {
  const rows = ds.getRepository<FundingLineRow>(funder.row);
  const linesByDepartment = linesLoader(ds, funder, KEY_COLUMNS.department);
  return {
    rowById: new DataLoader<number, Row | undefined>(async (ids) =>
      byKey((await rows.findBy({ id: In([...ids]) })) as Row[], (r) => r.id, ids),
    ),
    rowsByDepartment: listLoader(ds, funder, "departmentCode"),
    rowsByStructure: listLoader(ds, funder, "siret"),
    rowsByProject: listLoader(ds, funder, "projectRef"),
    structureName: structureNameLoader(ds),
    linesByDepartment,
    linesByRegion: regionLinesFromDepartments(linesByDepartment),
    linesByStructure: linesLoader(ds, funder, KEY_COLUMNS.structure),
    linesByProject: linesLoader(ds, funder, KEY_COLUMNS.project),
    ...departmentDetailLoaders(ds, detailTable(funder), KEY_COLUMNS),
  };
}

export type FundingLineLoaders<Row extends FundingLineRow = FundingLineRow> = ReturnType<typeof createFundingLineLoaders<Row>>;
