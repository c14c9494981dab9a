import { MigrationInterface, QueryRunner } from "typeorm";
import { createAuditTable } from "../platform/audit/audit";
import { index } from "../platform/db/migration-helpers";

/** Partner writes: audit trail, and a unique key against duplicate submissions. */
export class MaisonsWrites1732400000000 implements MigrationInterface {
  name = "MaisonsWrites1732400000000";

  async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex("maison_project", index("maison_project", ["territory_code", "title"], true));
    await createAuditTable(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable("audit_entry");
    await qr.dropIndex("maison_project", "ix_maison_project_territory_code_title");
  }
}
