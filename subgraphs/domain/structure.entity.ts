import { Column, CreateDateColumn, Entity, EntityManager, PrimaryColumn } from "typeorm";

/** A project carrier as one funder recorded it (each funder keeps its own record of a SIRET). */
@Entity({ name: "structure" })
export class StructureRow {
  @PrimaryColumn({ type: "varchar", length: 14 }) siret: string;
  @Column({ type: "varchar", length: 300 }) name: string;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}

/**
 * Records a structure, or the new name its funder now gives it, within the write's transaction.
 * One INSERT … ON CONFLICT DO UPDATE (rows changed only when the name differs): concurrent first
 * writes for one new SIRET no longer race a read-then-insert into a primary-key violation.
 * Every funder write and import records its structures here (one place to add the hub directory).
 */
export async function upsertStructure(m: EntityManager, siret: string, name: string): Promise<void> {
  await upsertStructureRows(m, [{ siret, name: name.trim() }]);
}

/** The same for many SIRETs (an import's chunk), in SIRET order so that two writers lock rows in one order (no deadlock). */
export async function upsertStructureRows(m: EntityManager, rows: readonly { siret: string; name: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => (a.siret < b.siret ? -1 : a.siret > b.siret ? 1 : 0));
  await m
    .createQueryBuilder()
    .insert()
    .into(StructureRow)
    .values(sorted)
    .orUpdate(["name"], ["siret"], { skipUpdateIfNoValuesChanged: true })
    .updateEntity(false)
    .execute();
}
