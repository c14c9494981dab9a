import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** One write, as the audit trail keeps it: who, for which organisation, when, what changed. */
@Entity({ name: "audit_entry" })
export class AuditEntryRow {
  @PrimaryGeneratedColumn() id: number;
  @CreateDateColumn({ name: "at" }) at: Date;
  @Column({ type: "varchar", length: 200 }) subject: string;
  @Column({ type: "varchar", length: 40 }) organisation: string;
  @Column({ type: "varchar", length: 60 }) operation: string;
  @Column({ type: "varchar", length: 60 }) entity: string;
  @Column({ name: "entity_id", type: "varchar", length: 40 }) entityId: string;
  @Column({ type: "text" }) changes: string;
}
