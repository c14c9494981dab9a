import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Axis, FundingSource } from "../domain/enums";
import { Cents, centsColumn } from "../domain/money";
import { axesColumn } from "../platform/db/columns";

/** A CAF grant to a structure, for one year, from one of its funds (FNP, REAAP, LAEP, FPT, FIPE). */
@Entity({ name: "parentality_grant" })
export class ParentalityGrantRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: "department_code", type: "varchar", length: 3 }) departmentCode: string;
  @Column({ type: "integer" }) year: number;
  @Column({ type: "varchar", length: 20 }) fund: FundingSource;
  @Column({ type: "varchar", length: 14 }) siret: string;
  @Column({ type: "text" }) title: string;
  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn }) amountCents: Cents;
  @Column({ type: "text", transformer: axesColumn }) axes: Axis[];
  @Column({ name: "project_ref", type: "varchar", length: 64, nullable: true }) projectRef: string | null;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}
