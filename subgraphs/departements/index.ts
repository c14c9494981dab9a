/**
 * Departements subgraph: the credits of the conseils départementaux (PMI, the prevention and
 * protection contract, co-funding of Maisons and of call laureates). Built as a partner would:
 * the shared entities it extends, its own tables, its `departementsContribution` to
 * cross-financing; registered in schema/supergraph.yaml, with no change to the gateway.
 */
import { REFERENCE_ENTITIES } from "../domain/reference/reference.entities";
import { StructureRow } from "../domain/structure.entity";
import { openDatabase } from "../platform/db/create-data-source";
import { AuditEntryRow } from "../platform/audit/audit-entry.entity";
import { buildFederatedSchema } from "../platform/federation/build-federated-schema";
import { SubgraphModule } from "../platform/server/subgraph-module";
import { runSubgraphMain } from "../platform/server/main";
import { DepartementsInitial1732500000000 } from "./initial.migration";
import { DepartmentalCreditRow } from "./departmental-credit.entity";
import { createDepartementsLoaders } from "./loaders";
import { departementsEntityStubs, departementsReferenceResolvers, departementsResolvers, DepartementsContext } from "./schema";
import { loadDepartementsDemo } from "./demo";
import { DepartmentalCreditListQuery } from "./credit-list";

export const departementsSubgraph: SubgraphModule<DepartementsContext> = {
  name: "departements",
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [...departementsResolvers, DepartmentalCreditListQuery], orphanedTypes: departementsEntityStubs },
      departementsReferenceResolvers,
    ),
  openDatabase: (config) =>
    openDatabase(config, {
      name: "departements",
      entities: [...REFERENCE_ENTITIES, StructureRow, DepartmentalCreditRow, AuditEntryRow],
      migrations: [DepartementsInitial1732500000000],
    }),
  createContext: (db, actor) => ({ dataSource: db.dataSource, actor, loaders: createDepartementsLoaders(db.dataSource) }),
  loadDemo: (db, dataset) => loadDepartementsDemo(db.dataSource, dataset),
};

if (require.main === module) runSubgraphMain(departementsSubgraph);
