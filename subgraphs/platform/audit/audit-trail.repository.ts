import { DataSource } from "typeorm";
import { AuditEntryRow } from "./audit-entry.entity";

/** The most recent audit entries, newest first: all of them, or one organisation's (`organisation` given). */
export const latestAuditEntries = (ds: DataSource, organisation: string | null, last: number) =>
  ds.getRepository(AuditEntryRow).find({
    where: organisation === null ? {} : { organisation },
    order: { id: "DESC" },
    take: Math.min(Math.max(last, 0), 500),
  });
