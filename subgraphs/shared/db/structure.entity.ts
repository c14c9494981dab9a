import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/** A project carrier as one funder recorded it (each funder keeps its own record of a SIRET). */
@Entity({ name: "structure" })
export class StructureRow {
  @PrimaryColumn({ type: "varchar", length: 14 }) siret: string;
  @Column({ type: "varchar", length: 300 }) name: string;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}
