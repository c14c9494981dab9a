/**
 * A funder's national list (`parentalityGrants`, `departmentalCredits`…): every line under the
 * explorer's filters and the funder's own (its funds, its programmes), in keyset pages of id order,
 * one statement for the page and one for the count. Its filter input is generated from the words
 * the funder declares.
 */
import { Args, Ctx, Field, ID, InputType, Int, Query, Resolver } from "type-graphql";
import { DataSource } from "typeorm";
import { Violations } from "../domain/rules/violations";
import { addExplorerFilterFields } from "../domain/explorer/filter.input";
import { checkExplorerFilter, checkNonEmpty, ExplorerFilterValues, graphqlFilterField } from "../domain/explorer/filter.rules";
import { applyDepartmentalTerritory, applyExplorerFilter } from "../domain/explorer/filter.sql";
import { connectionTypes, ConnectionWords } from "../platform/graphql/connection";
import { idKeysetPage, RowPage } from "../platform/graphql/keyset-page";
import type { AnyFundingLineFunder, FundingLineRow, FundingLinesContext, NamedField } from "./funder";
import { LINE_ALIAS } from "./loaders";

/** The funder's own filter: a list of values of one of its columns (its funds…). */
export interface OwnFilter {
  field: string;
  /** The GraphQL enum of the values. */
  type: object;
  column: string;
  /** How the broken rule names the list ("Fonds"). */
  label: string;
  description: string;
  /** More rules on the values given (only the CAF's funds…). */
  check?(values: readonly string[], v: Violations): void;
}

export interface LineListDeclaration {
  query: NamedField;
  filter: { name: string; description: string; year: string; region: string; department: string; own: OwnFilter };
  connection: ConnectionWords;
}

type FilterValues = ExplorerFilterValues & { year?: number | null; region?: string | null; department?: string | null } & Record<
    string,
    unknown
  >;

function lineFilter({ name, description, year, region, department, own }: LineListDeclaration["filter"]) {
  @InputType(name, { description })
  class LineFilter {
    @Field(() => Int, { nullable: true, description: year }) year?: number | null;
    @Field(() => ID, { nullable: true, description: region }) region?: string | null;
    @Field(() => ID, { nullable: true, description: department }) department?: string | null;
  }
  Field(() => [own.type], { nullable: true, description: own.description })(LineFilter.prototype, own.field);
  addExplorerFilterFields(LineFilter);
  return LineFilter;
}

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

export function lineListQuery(funder: AnyFundingLineFunder, list: LineListDeclaration) {
  const Filter = lineFilter(list.filter);
  const { Connection, PageArgs, toConnection } = connectionTypes(funder.graphql.typeName, funder.graphql.type, Filter, list.connection);
  @Resolver()
  class LineListQuery {
    @Query(() => Connection, { name: list.query.field, description: list.query.description })
    async list(@Args(() => PageArgs) { filter, first, after }: InstanceType<typeof PageArgs>, @Ctx() ctx: FundingLinesContext) {
      const page = await linePage(ctx.dataSource, funder, list.filter.own, filter as FilterValues | null, first, after);
      for (const { row } of page.edges) ctx.loaders.rowById.prime(row.id, row);
      return toConnection(page, (row) => funder.graphql.toNode(row));
    }
  }
  return LineListQuery;
}
