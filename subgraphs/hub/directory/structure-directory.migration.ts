import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { col } from "../../platform/db/migration-helpers";

/** The structure directory (issue 11): the hub, not the funders, owns a structure's public name. */
export class HubStructureDirectory1733000000000 implements MigrationInterface {
  name = "HubStructureDirectory1733000000000";

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: "structure_directory",
        columns: [
          { ...col.siret(), isPrimary: true },
          col.varchar("recorded_name", 300, true),
          col.varchar("recorded_by", 40, true),
          col.varchar("official_name", 300, true),
          col.varchar("official_state", 1, true),
          col.varchar("official_source", 200, true),
          col.demo(),
          col.createdAt(qr),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable("structure_directory");
  }
}
