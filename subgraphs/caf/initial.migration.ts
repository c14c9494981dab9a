import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { col, createReferenceTables, dropReferenceTables, fk, index } from "../platform/db/migration-helpers";

export class CafInitial1732300000000 implements MigrationInterface {
  name = "CafInitial1732300000000";

  async up(qr: QueryRunner): Promise<void> {
    await createReferenceTables(qr);
    await qr.createTable(
      new Table({
        name: "structure",
        columns: [{ ...col.siret(), isPrimary: true }, col.varchar("name", 300), col.demo(), col.createdAt(qr)],
      }),
    );
    await qr.createTable(
      new Table({
        name: "parentality_grant",
        columns: [
          col.id(),
          col.code("department_code"),
          col.int("year"),
          col.varchar("fund", 20),
          col.siret(),
          col.text("title"),
          col.cents("amount_cents"),
          col.text("axes"),
          col.varchar("project_ref", 64, true),
          col.demo(),
          col.createdAt(qr),
        ],
        foreignKeys: [fk("department_code", "department", "code"), fk("siret", "structure", "siret")],
        indices: [
          index("parentality_grant", ["department_code", "year"]),
          index("parentality_grant", ["siret"]),
          index("parentality_grant", ["project_ref"]),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable("parentality_grant");
    await qr.dropTable("structure");
    await dropReferenceTables(qr);
  }
}
