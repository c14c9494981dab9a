import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { col, createReferenceTables, dropReferenceTables, fk } from "../platform/db/migration-helpers";
import { INSTRUCTION_RULES } from "../domain/reference/instructions";
import { REGIONAL_CALLS_2022, REGIONAL_CALLS_SOURCE, REGIONAL_CALLS_YEAR } from "../domain/reference/regional-calls-2022";
import { InstructionRuleRow, RegionalCallAnnouncementRow } from "./reference.entities";

/** The hub's reference data: COG, axes, the figures of the instructions, the 2022 regional calls. */
export class HubInitial1732300000000 implements MigrationInterface {
  name = "HubInitial1732300000000";

  async up(qr: QueryRunner): Promise<void> {
    await createReferenceTables(qr);
    await qr.createTable(
      new Table({
        name: "instruction_rule",
        columns: [
          { ...col.varchar("code", 40), isPrimary: true },
          col.varchar("instruction", 60),
          col.int("year"),
          col.text("label"),
          { ...col.cents("amount_cents"), isNullable: true },
          col.date("date"),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: "regional_call_announcement",
        columns: [
          { ...col.code("region_code"), isPrimary: true },
          { ...col.int("year"), isPrimary: true },
          col.bool("launched"),
          col.text("specification", true),
          col.date("deadline"),
          col.text("expectations", true),
          col.varchar("axis_numbers", 20, true),
          col.varchar("results_expected", 100, true),
          col.text("source"),
        ],
        foreignKeys: [fk("region_code", "region", "code")],
      }),
    );
    await qr.manager.insert(
      InstructionRuleRow,
      INSTRUCTION_RULES.map((r) => ({ ...r })),
    );
    await qr.manager.insert(
      RegionalCallAnnouncementRow,
      REGIONAL_CALLS_2022.map((c) => ({
        regionCode: c.regionCode,
        year: REGIONAL_CALLS_YEAR,
        launched: c.launched,
        specification: c.specification,
        deadline: c.deadline,
        expectations: c.expectations,
        axisNumbers: c.axisNumbers?.join(",") ?? null,
        resultsExpected: c.resultsExpected,
        source: REGIONAL_CALLS_SOURCE,
      })),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable("regional_call_announcement");
    await qr.dropTable("instruction_rule");
    await dropReferenceTables(qr);
  }
}
