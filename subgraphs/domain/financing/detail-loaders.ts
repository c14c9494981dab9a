import DataLoader from "dataloader";
import { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { FundingSource } from "../enums";
import { FundingDetail } from "../federation/funding.types";
import { axesColumn } from "../../platform/db/columns";
import { toCents } from "../money";
import { groupBy, perKey } from "../../platform/graphql/batch";
import { regionLinesFromDepartments } from "./funding-loaders";

/**
 * Where a funder's records are, and which columns hold what the explorer asks of them: the same
 * for every funder subgraph (and the scaffold's), so each one declares its table, not a loader.
 */
export interface DetailTable {
  /** FROM, joins and the conditions every counted record meets (statuses, labelled Maisons…). */
  from: (qb: SelectQueryBuilder<ObjectLiteral>) => SelectQueryBuilder<ObjectLiteral>;
  columns: { territory: string; year: string; cents: string; dossier: string | null; siret: string | null; source?: string; axes?: string };
  /** The source of every record, for a table without a source column. */
  source?: FundingSource;
  /** The funder of a record, named as its `lines` name it: from its territory and source. */
  funder: (territory: string, source: FundingSource) => string;
  /** True for a forecast (a Maison's budget line), replaced by the actual a funder records. */
  forecast: boolean;
}

/** A record as the SQL of a detail loader returns it (PostgreSQL gives bigint as a string). */
export interface DetailRow {
  /** The key column's value: a number when the column holds numbers. */
  key: string | number;
  territory: string;
  year: number | string;
  cents: number | string;
  dossier: string | null;
  siret: string | null;
  source?: FundingSource;
  axes?: string | null;
}

/** The detail of one record; an unreadable amount throws (its key fails, not the batch: perKey). */
export function toDetail(table: DetailTable, row: DetailRow, cents = toCents(row.cents)): FundingDetail {
  const source = table.source ?? row.source;
  // a table declares its source or a source column: a row without is a declaration mistake
  if (!source) throw new Error("Ligne de détail sans source de financement : la table ne déclare ni sa source ni sa colonne source.");
  return {
    year: Number(row.year),
    source,
    funder: table.funder(row.territory, source),
    cents,
    dossier: row.dossier ?? null,
    forecast: table.forecast,
    siret: row.siret ?? null,
    axes: axesColumn.from(row.axes ?? null),
  };
}

/**
 * SELECT of every column a DetailRow needs, keyed by `keyColumn`, for the keys of one batch
 * (`:keys`; `condition` when the rows to read are not simply those whose key is one of them).
 */
export function detailQuery(
  ds: DataSource,
  table: DetailTable,
  keyColumn: string,
  keys: readonly string[],
  condition = `${keyColumn} IN (:...keys)`,
): SelectQueryBuilder<ObjectLiteral> {
  const { columns: c } = table;
  // TypeORM types a query builder without an entity as SelectQueryBuilder<any>
  const qb = (ds.createQueryBuilder() as SelectQueryBuilder<ObjectLiteral>)
    .select(keyColumn, "key")
    .addSelect(c.territory, "territory")
    .addSelect(c.year, "year")
    .addSelect(c.cents, "cents");
  for (const [column, alias] of [
    [c.dossier, "dossier"],
    [c.siret, "siret"],
    [c.source, "source"],
    [c.axes, "axes"],
  ] as const)
    if (column) qb.addSelect(column, alias);
  return table.from(qb.where(condition, { keys: [...keys] }));
}

/**
 * One detail per record of the funder for each key (region, department, SIRET or dossier), one
 * SQL statement per batch: the explorer's lines, loaded only when a query asks for them.
 */
export function detailLoader(ds: DataSource, table: DetailTable, keyColumn: string): DataLoader<string, FundingDetail[]> {
  return new DataLoader<string, FundingDetail[]>(async (keys) => {
    const rows = await detailQuery(ds, table, keyColumn, keys).getRawMany<DetailRow>();
    const grouped = groupBy(rows, (r) => String(r.key));
    return perKey(keys, (key) => (grouped.get(key) ?? []).map((row) => toDetail(table, row)));
  });
}

/**
 * The detail loaders of a funder whose records each belong to one department (a CAF, a conseil
 * départemental, a scaffolded funder): a region's details are its departments' (one batch).
 */
export function departmentDetailLoaders(
  ds: DataSource,
  table: DetailTable,
  keyColumns: { department: string; structure: string; project: string },
) {
  const byDepartment = detailLoader(ds, table, keyColumns.department);
  return {
    detailsByRegion: regionLinesFromDepartments(byDepartment),
    detailsByDepartment: byDepartment,
    detailsByStructure: detailLoader(ds, table, keyColumns.structure),
    detailsByProject: detailLoader(ds, table, keyColumns.project),
  };
}
