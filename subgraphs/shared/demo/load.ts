import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { StructureRow } from "../db/structure.entity";
import { DemoDataset } from "./dataset";

/**
 * Loads a subgraph's slice of the demo set once: skipped when demo rows are already there, and
 * written in one transaction (a crash leaves no half-loaded demo).
 */
export async function loadDemoOnce(
  ds: DataSource,
  marker: EntityTarget<ObjectLiteral>,
  load: (manager: EntityManager) => Promise<void>,
): Promise<void> {
  if (await ds.getRepository(marker).exists({ where: { demo: true } })) return;
  await ds.transaction(load);
}

/** Inserts the demo structures a subgraph's rows point to (each funder keeps its own record). */
export async function insertDemoStructures(manager: EntityManager, dataset: DemoDataset, sirets: Iterable<string>): Promise<void> {
  const wanted = new Set(sirets);
  const rows = dataset.structures.filter((s) => wanted.has(s.siret)).map((s) => ({ siret: s.siret, name: s.name, demo: true }));
  for (let i = 0; i < rows.length; i += 200) await manager.insert(StructureRow, rows.slice(i, i + 200));
}
