import { REFERENCE_ENTITIES } from "../domain/reference/reference.entities";
import { StructureRow } from "../domain/structure.entity";
import { openDatabase } from "../platform/db/create-data-source";
import { buildFederatedSchema } from "../platform/federation/build-federated-schema";
import { SubgraphModule } from "../platform/server/subgraph-module";
import { CallRow } from "./call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "./laureate-project.entity";
import { RegionalCallInitial1732300000000 } from "./initial.migration";
import { RegionalCallWrites1732400000000 } from "./writes.migration";
import { RegionalCallStructureName1733000000000 } from "./structure-name.migration";
import { RegionalCallRenewalKey1764600000000 } from "./renewal-key.migration";
import { AuditEntryRow } from "../platform/audit/audit-entry.entity";
import { createRegionalCallLoaders } from "./loaders";
import { createRegionalCallSchema } from "./schema";
import { RegionalCallContext } from "./context";
import { loadRegionalCallDemo } from "./demo";
import { CallSide } from "./side";

export const REGIONAL_CALL_ENTITIES = [
  ...REFERENCE_ENTITIES,
  StructureRow,
  CallRow,
  LaureateProjectRow,
  LaureateProjectDepartmentRow,
  AuditEntryRow,
];

/** A regional-call subgraph (ars or dreets): same tables and shape, its own database and names. */
export function regionalCallSubgraph(side: CallSide): SubgraphModule<RegionalCallContext> {
  return {
    name: side.subgraph,
    async buildSchema() {
      const { resolvers, referenceResolvers, orphanedTypes } = createRegionalCallSchema(side);
      return buildFederatedSchema({ resolvers: [...resolvers], orphanedTypes }, referenceResolvers);
    },
    openDatabase: (config) =>
      openDatabase(config, {
        name: side.subgraph,
        entities: REGIONAL_CALL_ENTITIES,
        migrations: [
          RegionalCallInitial1732300000000,
          RegionalCallWrites1732400000000,
          RegionalCallStructureName1733000000000,
          RegionalCallRenewalKey1764600000000,
        ],
      }),
    createContext: (db, actor, directory) => ({
      dataSource: db.dataSource,
      actor,
      loaders: createRegionalCallLoaders(db.dataSource, side),
      directory,
    }),
    loadDemo: (db, dataset) => loadRegionalCallDemo(db.dataSource, side, dataset),
  };
}
