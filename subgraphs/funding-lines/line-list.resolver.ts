/**
 * A funder's national list query (`parentalityGrants`, `departmentalCredits`…): a Relay connection
 * of its lines, read through line-list.repository.ts; the lines of the page prime the loader.
 */
import { Args, Ctx, Query, Resolver } from "type-graphql";
import { connectionTypes } from "../platform/graphql/connection";
import type { AnyFundingLineFunder, FundingLinesContext, LineListDeclaration } from "./funder";
import { lineFilter } from "./line-filter.type";
import { FilterValues, linePage } from "./line-list.repository";

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
