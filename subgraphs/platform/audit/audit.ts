import { createHash } from "node:crypto";
import { EntityManager, QueryRunner, Table } from "typeorm";
import { Actor } from "../auth/organisation";
import { col, index } from "../db/migration-helpers";
import { CONTROL_CHARACTERS } from "../../domain/rules/limits";
import { AuditEntryRow } from "./audit-entry.entity";

export async function createAuditTable(qr: QueryRunner): Promise<void> {
  await qr.createTable(
    new Table({
      name: "audit_entry",
      columns: [
        col.id(),
        { ...col.createdAt(qr), name: "at" },
        col.varchar("subject", 200),
        col.varchar("organisation", 40),
        col.varchar("operation", 60),
        col.varchar("entity", 60),
        col.varchar("entity_id", 40),
        col.text("changes"),
      ],
      indices: [index("audit_entry", ["organisation"]), index("audit_entry", ["entity", "entity_id"])],
    }),
  );
}

/** Width of the audit trail's subject column. */
export const AUDIT_SUBJECT_MAX = 200;

/**
 * The token subject as the audit trail keeps it: as is when it fits the column and is plain text;
 * otherwise (an identity provider's long or odd `sub`) its first 120 characters, control characters
 * removed, then "…sha256:" and the SHA-256 of the whole subject in hex (192 characters at most):
 * still readable, still unique, and a write never fails on it.
 */
export function auditSubject(subject: string): string {
  if (subject.length <= AUDIT_SUBJECT_MAX && !CONTROL_CHARACTERS.test(subject)) return subject;
  const readable = Array.from(subject.replace(new RegExp(CONTROL_CHARACTERS, "gu"), ""))
    .slice(0, 120)
    .join("");
  return `${readable}…sha256:${createHash("sha256").update(subject, "utf8").digest("hex")}`;
}

/** Records a write in the same transaction as the write itself. */
export async function audit(
  manager: EntityManager,
  actor: Actor,
  operation: string,
  entity: string,
  entityId: string | number,
  changes: object,
): Promise<void> {
  await manager.insert(AuditEntryRow, {
    subject: auditSubject(actor.subject),
    organisation: actor.organisation.id,
    operation,
    entity,
    entityId: String(entityId),
    changes: JSON.stringify(changes),
  });
}
