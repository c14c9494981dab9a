/**
 * The lines of a funder's lists on Department, Structure and Project, read lean: only the year
 * asked (the (department_code, year) index), and no entities built. Each column a list shows
 * (every one but the creation date) is hydrated as TypeORM's find would (the driver's conversion,
 * then the column's transformer), so the rows hold the same values; on a national dashboard,
 * reading every year and building entities was most of the subgraph's time (issue #14).
 */
import { DataSource } from "typeorm";
import type { AnyFundingLineFunder, FundingLineRow, ListedRow } from "./funder";

/** The SQL alias of a funder's table in the block's queries. */
export const LINE_ALIAS = "l";

/** The properties a list is keyed by: the department, the structure's SIRET, the dossier. */
export type ListProperty = "departmentCode" | "siret" | "projectRef";

/** The lines whose `property` is one of `keys`, of `year` only (every year if null), in (year, id) order. */
export async function listedLines<Row extends FundingLineRow>(
  ds: DataSource,
  funder: AnyFundingLineFunder<Row>,
  property: ListProperty,
  keys: readonly string[],
  year: number | null,
): Promise<ListedRow<Row>[]> {
  const metadata = ds.getMetadata(funder.row);
  const sqlName = (property: string) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`Colonne absente de la table des lignes de ${funder.name} : ${property}`);
    return `${LINE_ALIAS}.${column.databaseName}`;
  };
  const columns = metadata.columns.filter((c) => !c.isCreateDate);
  const qb = ds.createQueryBuilder().from(funder.row, LINE_ALIAS);
  for (const c of columns) qb.addSelect(`${LINE_ALIAS}.${c.databaseName}`, c.databaseName);
  qb.where(`${sqlName(property)} IN (:...keys)`, { keys: [...keys] });
  if (year != null) qb.andWhere(`${sqlName("year")} = :year`, { year });
  const raw = await qb.orderBy(sqlName("year"), "ASC").addOrderBy(sqlName("id"), "ASC").getRawMany<Record<string, unknown>>();
  return raw.map((r) => {
    const row: Record<string, unknown> = {};
    for (const c of columns) row[c.propertyName] = ds.driver.prepareHydratedValue(r[c.databaseName], c);
    return row as ListedRow<Row>;
  });
}
