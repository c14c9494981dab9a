import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { FundingSource } from "../domain/enums";
import { Cents, centsColumn } from "../domain/money";

export enum MaisonDecision {
  PENDING = "PENDING",
  LABELLED = "LABELLED",
  DEFERRED = "DEFERRED",
  REJECTED = "REJECTED",
}
export enum MaisonPhase {
  SUBMITTED = "SUBMITTED",
  DIAGNOSIS = "DIAGNOSIS",
  OPERATIONAL = "OPERATIONAL",
}

/** A Maison des 1000 premiers jours project: the project sheet of annex 1 and its decision. */
@Entity({ name: "maison_project" })
export class MaisonProjectRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: "territory_code", type: "varchar", length: 3 }) territoryCode: string;
  @Column({ type: "text" }) title: string;
  @Column({ type: "text" }) objectives: string;
  @Column({ type: "text" }) actions: string;
  @Column({ type: "text" }) governance: string;
  @Column({ type: "text" }) resources: string;
  @Column({ type: "text" }) phasing: string;
  @Column({ type: "text" }) evaluation: string;
  @Column({ type: "varchar", length: 20 }) decision: MaisonDecision;
  @Column({ type: "varchar", length: 20 }) phase: MaisonPhase;
  @Column({ name: "project_ref", type: "varchar", length: 64, nullable: true }) projectRef: string | null;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}

/** Carriers of a Maison, in order: the first is the lead carrier. */
@Entity({ name: "maison_carrier" })
export class MaisonCarrierRow {
  @PrimaryColumn({ name: "project_id", type: "integer" }) projectId: number;
  @PrimaryColumn({ type: "varchar", length: 14 }) siret: string;
  @Column({ type: "integer" }) position: number;
}

/** One criterion of the annex-2 grid, assessed yes or no. */
@Entity({ name: "maison_assessment" })
export class MaisonAssessmentRow {
  @PrimaryColumn({ name: "project_id", type: "integer" }) projectId: number;
  @PrimaryColumn({ name: "criterion_code", type: "varchar", length: 40 }) criterionCode: string;
  @Column({ type: "boolean" }) met: boolean;
}

/** A forecast budget line (2024 or 2025) showing one funding source. */
@Entity({ name: "maison_budget_line" })
export class MaisonBudgetLineRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: "project_id", type: "integer" }) projectId: number;
  @Column({ type: "integer" }) year: number;
  @Column({ type: "varchar", length: 20 }) source: FundingSource;
  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn }) amountCents: Cents;
}

/** The 10 criteria of annex 2 (reference data). */
@Entity({ name: "labelling_criterion" })
export class LabellingCriterionRow {
  @PrimaryColumn({ type: "varchar", length: 40 }) code: string;
  @Column({ type: "integer" }) position: number;
  @Column({ name: "criterion_group", type: "text" }) group: string;
  @Column({ type: "text" }) heading: string;
  @Column({ type: "text" }) label: string;
}

export const MAISON_ENTITIES = [MaisonProjectRow, MaisonCarrierRow, MaisonAssessmentRow, MaisonBudgetLineRow, LabellingCriterionRow];
