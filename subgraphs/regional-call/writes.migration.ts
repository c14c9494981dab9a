import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
import { createAuditTable } from "../platform/audit/audit";
import { index } from "../platform/db/migration-helpers";

/** Partner writes: evaluation outcome, audit trail, and unique keys against silent duplicates. */
export class RegionalCallWrites1732400000000 implements MigrationInterface {
  name = "RegionalCallWrites1732400000000";

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn("laureate_project", new TableColumn({ name: "evaluation_favourable", type: "boolean", isNullable: true }));
    await qr.createIndex("call", index("call", ["region_code", "year", "title"], true));
    await qr.createIndex("laureate_project", index("laureate_project", ["call_id", "siret", "title", "year"], true));
    await createAuditTable(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable("audit_entry");
    await qr.dropIndex("laureate_project", "ix_laureate_project_call_id_siret_title_year");
    await qr.dropIndex("call", "ix_call_region_code_year_title");
    await qr.dropColumn("laureate_project", "evaluation_favourable");
  }
}
