import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/**
 * Each laureate line keeps the structure name its funder recorded for it (issue 11): the
 * funder's shared structure row is renamed by every write, the line's name is not. Existing lines
 * take the name their structure row has today.
 */
export class RegionalCallStructureName1733000000000 implements MigrationInterface {
  name = "RegionalCallStructureName1733000000000";

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn("laureate_project", new TableColumn({ name: "structure_name", type: "varchar", length: "300", isNullable: true }));
    await qr.query("UPDATE laureate_project SET structure_name = (SELECT s.name FROM structure s WHERE s.siret = laureate_project.siret)");
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn("laureate_project", "structure_name");
  }
}
