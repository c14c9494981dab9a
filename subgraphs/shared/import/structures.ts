import { EntityManager } from "typeorm";
import { upsertStructureRows } from "../db/structure.entity";
import { chunks } from "./chunks";

/** upsertStructure for a whole file, in the import's transaction: one INSERT … ON CONFLICT per chunk of SIRETs. */
export async function upsertStructures(m: EntityManager, names: ReadonlyMap<string, string>): Promise<void> {
  const sirets = [...names.keys()].sort();
  for (const chunk of chunks(sirets)) await upsertStructureRows(m, chunk.map((siret) => ({ siret, name: names.get(siret)! })));
}
