import { MigrationInterface, QueryRunner } from "typeorm";
import { index } from "../platform/db/migration-helpers";

/** One renewal of a project per year: concurrent renewals can no longer both be written. */
export class RegionalCallRenewalKey1764600000000 implements MigrationInterface {
  name = "RegionalCallRenewalKey1764600000000";

  async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex("laureate_project", index("laureate_project", ["renewed_from_id", "year"], true));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex("laureate_project", "ix_laureate_project_renewed_from_id_year");
  }
}
