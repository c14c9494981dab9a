import { MigrationInterface, QueryRunner } from "typeorm";
import { createAuditTable } from "../platform/audit/audit";
import { index } from "../platform/db/migration-helpers";

/** Partner writes: audit trail, and a unique key against silently recorded duplicate grants. */
export class CafWrites1732400000000 implements MigrationInterface {
  name = "CafWrites1732400000000";

  async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex("parentality_grant", index("parentality_grant", ["department_code", "year", "fund", "siret", "title"], true));
    await createAuditTable(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable("audit_entry");
    await qr.dropIndex("parentality_grant", "ix_parentality_grant_department_code_year_fund_siret_title");
  }
}
