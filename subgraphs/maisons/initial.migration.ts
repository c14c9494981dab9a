import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { col, createReferenceTables, dropReferenceTables, fk, index } from "../platform/db/migration-helpers";
import { LABELLING_CRITERIA } from "../domain/reference/labelling-criteria";
import { LabellingCriterionRow } from "./maison.entities";

export class MaisonsInitial1732300000000 implements MigrationInterface {
  name = "MaisonsInitial1732300000000";

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
        name: "labelling_criterion",
        columns: [
          { ...col.varchar("code", 40), isPrimary: true },
          col.int("position"),
          col.text("criterion_group"),
          col.text("heading"),
          col.text("label"),
        ],
      }),
    );
    await qr.manager.insert(
      LabellingCriterionRow,
      LABELLING_CRITERIA.map((c) => ({ ...c })),
    );
    await qr.createTable(
      new Table({
        name: "maison_project",
        columns: [
          col.id(),
          col.code("territory_code"),
          col.text("title"),
          col.text("objectives"),
          col.text("actions"),
          col.text("governance"),
          col.text("resources"),
          col.text("phasing"),
          col.text("evaluation"),
          col.varchar("decision", 20),
          col.varchar("phase", 20),
          col.varchar("project_ref", 64, true),
          col.demo(),
          col.createdAt(qr),
        ],
        foreignKeys: [fk("territory_code", "region", "code")],
        indices: [index("maison_project", ["territory_code"]), index("maison_project", ["project_ref"])],
      }),
    );
    await qr.createTable(
      new Table({
        name: "maison_carrier",
        columns: [{ ...col.int("project_id"), isPrimary: true }, { ...col.siret(), isPrimary: true }, col.int("position")],
        foreignKeys: [fk("project_id", "maison_project", "id", "CASCADE"), fk("siret", "structure", "siret")],
        indices: [index("maison_carrier", ["siret"])],
      }),
    );
    await qr.createTable(
      new Table({
        name: "maison_assessment",
        columns: [
          { ...col.int("project_id"), isPrimary: true },
          { ...col.varchar("criterion_code", 40), isPrimary: true },
          col.bool("met"),
        ],
        foreignKeys: [fk("project_id", "maison_project", "id", "CASCADE"), fk("criterion_code", "labelling_criterion", "code")],
      }),
    );
    await qr.createTable(
      new Table({
        name: "maison_budget_line",
        columns: [col.id(), col.int("project_id"), col.int("year"), col.varchar("source", 20), col.cents("amount_cents")],
        foreignKeys: [fk("project_id", "maison_project", "id", "CASCADE")],
        indices: [index("maison_budget_line", ["project_id"])],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ["maison_budget_line", "maison_assessment", "maison_carrier", "maison_project", "labelling_criterion", "structure"])
      await qr.dropTable(table);
    await dropReferenceTables(qr);
  }
}
