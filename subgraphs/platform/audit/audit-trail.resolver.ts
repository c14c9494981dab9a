import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { DataSource } from "typeorm";
import { Actor } from "../auth/organisation";
import { requireActor } from "../auth/policy";
import { AuditEntry } from "./audit-entry.type";
import { latestAuditEntries } from "./audit-trail.repository";

/**
 * The audit query of one subgraph (`<prefix>AuditTrail`): the national level reads everything,
 * an organisation reads its own writes.
 */
export function createAuditResolver(fieldName: string, label: string) {
  @Resolver()
  class AuditQueries {
    @Query(() => [AuditEntry], {
      name: fieldName,
      description: `Journal d'audit des écritures : ${label}. Le niveau national voit tout ; une organisation voit ses propres écritures.`,
    })
    async trail(
      @Ctx() ctx: { actor: Actor | null; dataSource: DataSource },
      @Arg("last", () => Int, { defaultValue: 100, description: "Nombre d'entrées, les plus récentes d'abord (500 au plus)." })
      last: number,
    ): Promise<AuditEntry[]> {
      const actor = requireActor(ctx.actor);
      const organisation = actor.organisation.kind === "national" ? null : actor.organisation.id;
      const rows = await latestAuditEntries(ctx.dataSource, organisation, last);
      return rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        subject: r.subject,
        organisation: r.organisation,
        operation: r.operation,
        entity: r.entity,
        entityId: r.entityId,
        changes: r.changes,
      }));
    }
  }
  return AuditQueries;
}
