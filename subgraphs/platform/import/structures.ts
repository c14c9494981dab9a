import { EntityManager } from "typeorm";
import { upsertStructureRows } from "../../domain/structure.entity";
import { chunks } from "./chunks";

/** upsertStructure for a whole file, in the import's transaction: one INSERT … ON CONFLICT per chunk of SIRETs. */
export async function upsertStructures(m: EntityManager, names: ReadonlyMap<string, string>): Promise<void> {
  const rows = [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([siret, name]) => ({ siret, name }));
  for (const chunk of chunks(rows)) await upsertStructureRows(m, chunk);
}
