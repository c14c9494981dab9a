import { Column, CreateDateColumn, Entity, EntityManager, PrimaryColumn } from "typeorm";

/** A project carrier as one funder recorded it (each funder keeps its own record of a SIRET). */
@Entity({ name: "structure" })
export class StructureRow {
  @PrimaryColumn({ type: "varchar", length: 14 }) siret: string;
  @Column({ type: "varchar", length: 300 }) name: string;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}

/** Records a structure, or the new name its funder now gives it, within the write's transaction. */
export async function upsertStructure(m: EntityManager, siret: string, name: string): Promise<void> {
  const existing = await m.getRepository(StructureRow).findOneBy({ siret });
  if (!existing) await m.insert(StructureRow, { siret, name: name.trim() });
  else if (existing.name !== name.trim()) await m.update(StructureRow, { siret }, { name: name.trim() });
}
