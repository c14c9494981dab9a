import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Axis, GrantStatus } from "../domain/enums";
import { Cents, centsColumn } from "../domain/money";
import { axesColumn } from "../platform/db/columns";

/**
 * A laureate project of a call, for one year of funding. A renewal (2023, reconduction) is a new
 * row for the new year pointing at the project it renews.
 */
@Entity({ name: "laureate_project" })
export class LaureateProjectRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: "call_id", type: "integer" }) callId: number;
  @Column({ type: "integer" }) year: number;
  @Column({ type: "text" }) title: string;
  @Column({ type: "varchar", length: 14 }) siret: string;
  /** The structure's name as this funder recorded it for this line (the public name is the hub's directory's). */
  @Column({ name: "structure_name", type: "varchar", length: 300, nullable: true }) structureName: string | null;
  @Column({ type: "text", transformer: axesColumn }) axes: Axis[];
  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn }) amountCents: Cents;
  @Column({ type: "varchar", length: 20 }) status: GrantStatus;
  @Column({ type: "text", nullable: true }) description: string | null;
  @Column({ name: "project_ref", type: "varchar", length: 64, nullable: true }) projectRef: string | null;
  @Column({ name: "renewed_from_id", type: "integer", nullable: true }) renewedFromId: number | null;
  @Column({ name: "evaluation_summary", type: "text", nullable: true }) evaluationSummary: string | null;
  @Column({ name: "evaluation_favourable", type: "boolean", nullable: true }) evaluationFavourable: boolean | null;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}

/** The departments a laureate project runs in (all within its call's region). */
@Entity({ name: "laureate_project_department" })
export class LaureateProjectDepartmentRow {
  @PrimaryColumn({ name: "project_id", type: "integer" }) projectId: number;
  @PrimaryColumn({ name: "department_code", type: "varchar", length: 3 }) departmentCode: string;
}
