import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Axis } from "../domain/enums";
import { Cents, centsColumn } from "../domain/money";
import { axesColumn } from "../platform/db/columns";

/** What a department funds its credits under (PMI, the prevention/protection contract, co-funding). */
export enum DepartmentalProgramme {
  PMI = "PMI",
  PREVENTION_PROTECTION_CONTRACT = "PREVENTION_PROTECTION_CONTRACT",
  MAISON_COFUNDING = "MAISON_COFUNDING",
  LAUREATE_COFUNDING = "LAUREATE_COFUNDING",
  OTHER = "OTHER",
}

/** A departmental credit to a structure for one year (source DEPARTMENT in cross-financing). */
@Entity({ name: "departmental_credit" })
export class DepartmentalCreditRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: "department_code", type: "varchar", length: 3 }) departmentCode: string;
  @Column({ type: "integer" }) year: number;
  @Column({ type: "varchar", length: 40 }) programme: DepartmentalProgramme;
  @Column({ type: "varchar", length: 14 }) siret: string;
  @Column({ type: "text" }) title: string;
  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn }) amountCents: Cents;
  @Column({ type: "text", transformer: axesColumn }) axes: Axis[];
  @Column({ name: "project_ref", type: "varchar", length: 64, nullable: true }) projectRef: string | null;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}
