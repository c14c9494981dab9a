import { Column, Entity, PrimaryColumn } from "typeorm";
import { Cents, centsColumn } from "../domain/money";

/** A figure of the instructions (envelopes, minimums, deadlines), with its source. */
@Entity({ name: "instruction_rule" })
export class InstructionRuleRow {
  @PrimaryColumn({ type: "varchar", length: 40 }) code: string;
  @Column({ type: "varchar", length: 60 }) instruction: string;
  @Column({ type: "integer" }) year: number;
  @Column({ type: "text" }) label: string;
  @Column({ name: "amount_cents", type: "bigint", nullable: true, transformer: centsColumn }) amountCents: Cents | null;
  @Column({ type: "date", nullable: true }) date: string | null;
}

/** A region's line of the table of 2022 regional calls (seed 002). */
@Entity({ name: "regional_call_announcement" })
export class RegionalCallAnnouncementRow {
  @PrimaryColumn({ name: "region_code", type: "varchar", length: 3 }) regionCode: string;
  @PrimaryColumn({ type: "integer" }) year: number;
  @Column({ type: "boolean" }) launched: boolean;
  @Column({ type: "text", nullable: true }) specification: string | null;
  @Column({ type: "date", nullable: true }) deadline: string | null;
  @Column({ type: "text", nullable: true }) expectations: string | null;
  @Column({ name: "axis_numbers", type: "varchar", length: 20, nullable: true }) axisNumbers: string | null;
  @Column({ name: "results_expected", type: "varchar", length: 100, nullable: true }) resultsExpected: string | null;
  @Column({ type: "text" }) source: string;
}
