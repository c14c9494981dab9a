/**
 * `npm run directory:backfill`: fills the hub's structure directory from the structures the funder
 * subgraphs of this installation recorded before it existed (upgrade from a hub without it). Run once,
 * with the same DATABASE_URL / DATA_DIR as the subgraphs. Funders in the registry's order, first name
 * kept: a SIRET gets the name the hub showed before (the first funder of the registry that knew it);
 * a SIRET the directory already knows keeps its name. A partner's subgraph run elsewhere is not
 * here: its next write of a SIRET records it.
 */
import "reflect-metadata";
import { DatabaseConfig, readDatabaseConfig } from "../subgraphs/platform/config";
import { StructureRow } from "../subgraphs/domain/structure.entity";
import { SubgraphModule } from "../subgraphs/platform/server/subgraph-module";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../subgraphs/registry";
import { recordStructureNames } from "../subgraphs/hub/directory/record";
import { invalidateSharedCache } from "../gateway/response-cache";
import { readResponseCache } from "../gateway/config";

export async function backfillDirectory(
  database: DatabaseConfig,
  funders: readonly SubgraphModule[] = FUNDER_SUBGRAPHS,
): Promise<{ subgraph: string; structures: number }[]> {
  const hub = await hubSubgraph().openDatabase(database);
  const counts: { subgraph: string; structures: number }[] = [];
  try {
    for (const funder of funders) {
      const db = await funder.openDatabase(database);
      try {
        const rows = await db.dataSource.getRepository(StructureRow).find({ order: { siret: "ASC" } });
        await hub.dataSource.transaction((m) => recordStructureNames(m, rows, funder.name));
        counts.push({ subgraph: funder.name, structures: rows.length });
      } finally {
        await db.dataSource.destroy();
      }
    }
  } finally {
    await hub.dataSource.destroy();
  }
  return counts;
}

if (require.main === module) {
  const main = async () => {
    const sharedCache = readResponseCache(); // checked before anything is written
    const counts = await backfillDirectory(readDatabaseConfig());
    for (const c of counts) console.log(`${c.subgraph} : ${c.structures} structure(s) proposée(s) à l'annuaire (le premier nom reste).`);
    // names show in every answer that lists a structure: over a shared cache, every scope is stamped
    const cache = await invalidateSharedCache(null, sharedCache);
    console.log(
      cache === "invalidated"
        ? "Cache des réponses de la passerelle invalidé."
        : "Les réponses publiques montreront ces noms dès l'expiration du cache de la passerelle (immédiatement avec RESPONSE_CACHE_REDIS_URL).",
    );
  };
  main().catch((error: unknown) => {
    console.error("[annuaire] échec :", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
