/**
 * A funder's line by id, through the loaders: the `one` query's and the line's
 * `__resolveReference` (the gateway's entity fetches).
 */
import { rowId } from "../domain/rules/formats";
import type { AnyFundingLineFunder, FundingLinesContext } from "./funder";

export async function lineById(funder: AnyFundingLineFunder, ctx: FundingLinesContext, id: string) {
  const key = rowId(id);
  const row = key === null ? undefined : await ctx.loaders.rowById.load(key);
  return row ? funder.graphql.toNode(row) : null;
}

export const referenceResolvers = (funder: AnyFundingLineFunder) => ({
  [funder.graphql.typeName]: {
    __resolveReference: (ref: { id: string }, ctx: FundingLinesContext) => lineById(funder, ctx, ref.id),
  },
});
