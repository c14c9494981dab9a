/**
 * Maisons subgraph: the labelling of the overseas "Maisons des 1000 premiers jours" (2024-2025)
 * by the national committee: project sheets, the annex-2 grid, decisions and forecast budgets.
 */
import { REFERENCE_ENTITIES } from "../domain/reference/reference.entities";
import { StructureRow } from "../domain/structure.entity";
import { openDatabase } from "../platform/db/create-data-source";
import { buildFederatedSchema } from "../platform/federation/build-federated-schema";
import { SubgraphModule } from "../platform/server/subgraph-module";
import { runSubgraphMain } from "../platform/server/main";
import { MaisonsInitial1732300000000 } from "./initial.migration";
import { MaisonsWrites1732400000000 } from "./writes.migration";
import { AuditEntryRow } from "../platform/audit/audit-entry.entity";
import { MAISON_ENTITIES } from "./maison.entities";
import { createMaisonsLoaders } from "./loaders";
import { maisonsEntityStubs, maisonsResolvers } from "./schema";
import { maisonsReferenceResolvers } from "./maison.reference";
import { MaisonsContext } from "./context";
import { loadMaisonsDemo } from "./demo";

export const maisonsSubgraph: SubgraphModule<MaisonsContext> = {
  name: "maisons",
  buildSchema: () =>
    buildFederatedSchema({ resolvers: [...maisonsResolvers], orphanedTypes: maisonsEntityStubs }, maisonsReferenceResolvers),
  openDatabase: (config) =>
    openDatabase(config, {
      name: "maisons",
      entities: [...REFERENCE_ENTITIES, StructureRow, ...MAISON_ENTITIES, AuditEntryRow],
      migrations: [MaisonsInitial1732300000000, MaisonsWrites1732400000000],
    }),
  createContext: (db, actor, directory) => ({ dataSource: db.dataSource, actor, loaders: createMaisonsLoaders(db.dataSource), directory }),
  loadDemo: (db, dataset) => loadMaisonsDemo(db.dataSource, dataset),
};

if (require.main === module) runSubgraphMain(maisonsSubgraph);
