/**
 * A funder's operations on its lines: one line by id (through the loaders), the record mutation
 * and the audit trail.
 */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { createAuditResolver } from "../platform/audit/audit-trail.resolver";
import type { AnyFundingLineFunder, FundingLineInput, FundingLineRow, FundingLinesContext } from "./funder";
import { lineById } from "./line.reference";
import { recordFundingLine } from "./record";

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
      return funder.graphql.toNode(await recordFundingLine<FundingLineRow>(funder, ctx.dataSource, ctx.directory, ctx.actor, line));
    }
  }
  return [LineOperations, createAuditResolver(audit.field, audit.label)];
}
