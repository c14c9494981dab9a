import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { col, createReferenceTables, dropReferenceTables, fk, index } from "../platform/db/migration-helpers";
import { createAuditTable } from "../platform/audit/audit";

export class DepartementsInitial1732500000000 implements MigrationInterface {
  name = "DepartementsInitial1732500000000";

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
        name: "departmental_credit",
        columns: [
          col.id(),
          col.code("department_code"),
          col.int("year"),
          col.varchar("programme", 40),
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
          index("departmental_credit", ["department_code", "year"]),
          index("departmental_credit", ["siret"]),
          index("departmental_credit", ["project_ref"]),
          index("departmental_credit", ["department_code", "year", "programme", "siret", "title"], true),
        ],
      }),
    );
    await createAuditTable(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ["audit_entry", "departmental_credit", "structure"]) await qr.dropTable(table);
    await dropReferenceTables(qr);
  }
}
