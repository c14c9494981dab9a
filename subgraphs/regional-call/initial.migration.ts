import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { col, createReferenceTables, dropReferenceTables, fk, index } from "../platform/db/migration-helpers";

/** Tables of a regional-call subgraph (ars, dreets): reference data, structures, calls, laureates. */
export class RegionalCallInitial1732300000000 implements MigrationInterface {
  name = "RegionalCallInitial1732300000000";

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
        name: "call",
        columns: [
          col.id(),
          col.code("region_code"),
          col.int("year"),
          col.text("title"),
          col.text("axes"),
          col.bool("joint"),
          col.cents("envelope_cents"),
          col.date("deadline"),
          col.date("results_due"),
          col.demo(),
          col.createdAt(qr),
        ],
        foreignKeys: [fk("region_code", "region", "code")],
        indices: [index("call", ["region_code", "year"])],
      }),
    );
    await qr.createTable(
      new Table({
        name: "laureate_project",
        columns: [
          col.id(),
          col.int("call_id"),
          col.int("year"),
          col.text("title"),
          col.siret(),
          col.text("axes"),
          col.cents("amount_cents"),
          col.varchar("status", 20),
          col.text("description", true),
          col.varchar("project_ref", 64, true),
          col.int("renewed_from_id", true),
          col.text("evaluation_summary", true),
          col.demo(),
          col.createdAt(qr),
        ],
        foreignKeys: [fk("call_id", "call"), fk("siret", "structure", "siret"), fk("renewed_from_id", "laureate_project")],
        indices: [
          index("laureate_project", ["call_id"]),
          index("laureate_project", ["siret"]),
          index("laureate_project", ["project_ref"]),
          index("laureate_project", ["year"]),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: "laureate_project_department",
        columns: [
          { ...col.int("project_id"), isPrimary: true },
          { ...col.code("department_code"), isPrimary: true },
        ],
        foreignKeys: [fk("project_id", "laureate_project", "id", "CASCADE"), fk("department_code", "department", "code")],
        indices: [index("laureate_project_department", ["department_code"])],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ["laureate_project_department", "laureate_project", "call", "structure"]) await qr.dropTable(table);
    await dropReferenceTables(qr);
  }
}
