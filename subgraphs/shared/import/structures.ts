import { EntityManager, In } from "typeorm";
import { StructureRow } from "../db/structure.entity";
import { chunks } from "./chunks";

/**
 * upsertStructure for a whole file, in the import's transaction: one read and one insert per
 * chunk of SIRETs, an update only where the funder now gives another name.
 */
export async function upsertStructures(m: EntityManager, names: ReadonlyMap<string, string>): Promise<void> {
  for (const sirets of chunks([...names.keys()])) {
    const existing = new Map((await m.getRepository(StructureRow).findBy({ siret: In(sirets) })).map((s) => [s.siret, s.name]));
    const created = sirets.filter((siret) => !existing.has(siret)).map((siret) => ({ siret, name: names.get(siret)! }));
    if (created.length > 0) await m.createQueryBuilder().insert().into(StructureRow).values(created).updateEntity(false).execute();
    for (const siret of sirets) {
      const name = names.get(siret)!;
      if (existing.has(siret) && existing.get(siret) !== name) await m.update(StructureRow, { siret }, { name });
    }
  }
}
