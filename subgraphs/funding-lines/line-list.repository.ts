/**
 * The queries of a funder's national list (`parentalityGrants`, `departmentalCredits`…): every line
 * under the explorer's filters and the funder's own (its funds, its programmes), in keyset pages of
 * id order, one statement for the page and one for the count.
 */
import { DataSource } from "typeorm";
import { Violations } from "../domain/rules/violations";
import { checkExplorerFilter, checkNonEmpty, ExplorerFilterValues, graphqlFilterField } from "../domain/explorer/filter.rules";
import { applyDepartmentalTerritory, applyExplorerFilter } from "../domain/explorer/filter.sql";
import { idKeysetPage, RowPage } from "../platform/graphql/keyset-page";
import type { AnyFundingLineFunder, FundingLineRow, OwnFilter } from "./funder";
import { LINE_ALIAS } from "./line-rows.repository";

/** The values of a list's filter input (line-filter.type.ts). */
export type FilterValues = ExplorerFilterValues & { year?: number | null; region?: string | null; department?: string | null } & Record<
    string,
    unknown
  >;

/** One page of a funder's lines under a filter; a broken filter rule refuses the whole query. */
export async function linePage(
  ds: DataSource,
  funder: AnyFundingLineFunder,
  own: OwnFilter,
  filter: FilterValues | null | undefined,
  first: number,
  after?: string | null,
): Promise<RowPage<FundingLineRow>> {
  const v = new Violations();
  const checked = checkExplorerFilter(filter, v);
  const values = checkNonEmpty(v, graphqlFilterField(own.field), filter?.[own.field] as string[] | null | undefined, own.label);
  if (values) own.check?.(values, v);
  v.throwIfAny();
  const l = LINE_ALIAS;
  const filtered = () => {
    const qb = ds.getRepository<FundingLineRow>(funder.row).createQueryBuilder(l);
    applyDepartmentalTerritory(qb, l, filter);
    if (values) qb.andWhere(`${l}.${own.column} IN (:...values)`, { values });
    // the structure name the funder recorded: its own structure row for the SIRET (the line keeps none)
    return applyExplorerFilter(qb, checked, {
      amountCents: `${l}.amount_cents`,
      axes: `${l}.axes`,
      texts: [`${l}.title`, `(SELECT s.name FROM structure s WHERE s.siret = ${l}.siret)`],
    });
  };
  return idKeysetPage(filtered, l, first, after);
}
