/**
 * A funder's operations on its lines: one line by id, the record mutation, the audit trail, and
 * the line's `__resolveReference` (the gateway's entity fetches), all through the loaders.
 */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { createAuditResolver } from "../platform/audit/audit";
import { rowId } from "../domain/rules/formats";
import type { AnyFundingLineFunder, FundingLineInput, FundingLineRow, FundingLinesContext } from "./funder";
import { recordFundingLine } from "./record";

async function lineById(funder: AnyFundingLineFunder, ctx: FundingLinesContext, id: string) {
  const key = rowId(id);
  const row = key === null ? undefined : await ctx.loaders.rowById.load(key);
  return row ? funder.graphql.toNode(row) : null;
}

export function operationResolvers(funder: AnyFundingLineFunder) {
  const { type, input, one, record, audit } = funder.graphql;
  @Resolver()
  class LineOperations {
    @Query(() => type, { name: one.field, nullable: true, description: one.description })
    async one(@Arg("id", () => ID, { description: "Identifiant." }) id: string, @Ctx() ctx: FundingLinesContext) {
      return lineById(funder, ctx, id);
    }

    @Mutation(() => type, { name: record.field, description: record.description })
    async record(@Arg("input", () => input, { description: record.input }) line: FundingLineInput, @Ctx() ctx: FundingLinesContext) {
      return funder.graphql.toNode(await recordFundingLine<FundingLineRow>(funder, ctx.dataSource, ctx.actor, line));
    }
  }
  return [LineOperations, createAuditResolver(audit.field, audit.label)];
}

export const referenceResolvers = (funder: AnyFundingLineFunder) => ({
  [funder.graphql.typeName]: {
    __resolveReference: (ref: { id: string }, ctx: FundingLinesContext) => lineById(funder, ctx, ref.id),
  },
});
