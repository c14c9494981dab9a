import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Axis } from "../domain/enums";
import { Cents, centsColumn } from "../domain/money";
import { axesColumn } from "../platform/db/columns";

/** A regional call for projects (AAP), one side of it: health (ARS, FIR) or social (DREETS, P304). */
@Entity({ name: "call" })
export class CallRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: "region_code", type: "varchar", length: 3 }) regionCode: string;
  @Column({ type: "integer" }) year: number;
  @Column({ type: "text" }) title: string;
  @Column({ type: "text", transformer: axesColumn }) axes: Axis[];
  @Column({ type: "boolean" }) joint: boolean;
  @Column({ name: "envelope_cents", type: "bigint", transformer: centsColumn }) envelopeCents: Cents;
  @Column({ type: "date", nullable: true }) deadline: string | null;
  @Column({ name: "results_due", type: "date", nullable: true }) resultsDue: string | null;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}
