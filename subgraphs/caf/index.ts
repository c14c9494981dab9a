/**
 * CAF subgraph: the parentality grants of the family-allowance funds, one CAF per department.
 * The CAF is the partner that runs its own subgraph: this folder is self-contained apart from
 * the shared federation plumbing.
 */
import { REFERENCE_ENTITIES } from "../domain/reference/reference.entities";
import { StructureRow } from "../domain/structure.entity";
import { openDatabase } from "../platform/db/create-data-source";
import { buildFederatedSchema } from "../platform/federation/build-federated-schema";
import { SubgraphModule } from "../platform/server/subgraph-module";
import { runSubgraphMain } from "../platform/server/main";
import { CafInitial1732300000000 } from "./initial.migration";
import { CafWrites1732400000000 } from "./writes.migration";
import { AuditEntryRow } from "../platform/audit/audit-entry.entity";
import { ParentalityGrantRow } from "./parentality-grant.entity";
import { createCafLoaders } from "./loaders";
import { cafEntityStubs, cafReferenceResolvers, cafResolvers, CafContext } from "./schema";
import { loadCafDemo } from "./demo";
import { ParentalityGrantListQuery } from "./grant-list";

export const cafSubgraph: SubgraphModule<CafContext> = {
  name: "caf",
  buildSchema: () =>
    buildFederatedSchema({ resolvers: [...cafResolvers, ParentalityGrantListQuery], orphanedTypes: cafEntityStubs }, cafReferenceResolvers),
  openDatabase: (config) =>
    openDatabase(config, {
      name: "caf",
      entities: [...REFERENCE_ENTITIES, StructureRow, ParentalityGrantRow, AuditEntryRow],
      migrations: [CafInitial1732300000000, CafWrites1732400000000],
    }),
  createContext: (db, actor) => ({ dataSource: db.dataSource, actor, loaders: createCafLoaders(db.dataSource) }),
  loadDemo: (db, dataset) => loadCafDemo(db.dataSource, dataset),
};

if (require.main === module) runSubgraphMain(cafSubgraph);
