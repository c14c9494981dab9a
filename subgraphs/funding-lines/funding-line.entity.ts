import { Column, CreateDateColumn, PrimaryGeneratedColumn } from "typeorm";
import { Cents, centsColumn } from "../domain/money";

/**
 * The columns every funder's table of lines has (its migration creates them: department_code,
 * year, siret, title, amount_cents, project_ref, created_at); a funder's entity extends it with its
 * own (a fund, axes, a demo flag…). Not an entity itself: each funder has its own table.
 */
export abstract class FundingLineColumns {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: "department_code", type: "varchar", length: 3 }) departmentCode: string;
  @Column({ type: "integer" }) year: number;
  @Column({ type: "varchar", length: 14 }) siret: string;
  @Column({ type: "text" }) title: string;
  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn }) amountCents: Cents;
  @Column({ name: "project_ref", type: "varchar", length: 64, nullable: true }) projectRef: string | null;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}
