/**
 * Hub subgraph (national team): reference data, the structure directory (one name per SIRET) and cross-financing.
 * It owns no funding line: it sums those the funder subgraphs contribute (see cross-financing.figure.ts).
 */
import fs from "node:fs";
import { REFERENCE_ENTITIES } from "../domain/reference/reference.entities";
import { openDatabase } from "../platform/db/create-data-source";
import { buildFederatedSchema } from "../platform/federation/build-federated-schema";
import { Contribution, discoverContributions } from "../domain/federation/contributions";
import { readRegistry } from "../platform/federation/registry";
import { SubgraphModule } from "../platform/server/subgraph-module";
import { runSubgraphMain } from "../platform/server/main";
import { HubInitial1732300000000 } from "./initial.migration";
import { InstructionRuleRow, RegionalCallAnnouncementRow } from "./reference.entities";
import { createHubLoaders } from "./loaders";
import { createHubSchema } from "./schema";
import { HubContext } from "./context";
import { StructureDirectoryRow } from "./directory/structure-directory.entity";
import { HubStructureDirectory1733000000000 } from "./directory/structure-directory.migration";
import { StructureDirectoryMutations } from "./directory/directory.resolver";
import { loadDirectoryDemo } from "./directory/demo";
import { structureSearchResolver } from "./directory/structure-search.resolver";

export const HUB = "hub";

/** Contributions declared by the registered funder subgraphs' committed SDL files. */
export function registeredContributions(): Contribution[] {
  const funders = readRegistry().filter((s) => s.name !== HUB);
  return discoverContributions(funders.map((s) => ({ name: s.name, sdl: fs.readFileSync(s.schemaFile, "utf8") })));
}

export function hubSubgraph(contributions: () => Contribution[] = registeredContributions): SubgraphModule<HubContext> {
  return {
    name: HUB,
    async buildSchema() {
      const { resolvers, referenceResolvers, Structure } = createHubSchema(contributions());
      return buildFederatedSchema(
        { resolvers: [...resolvers, StructureDirectoryMutations, structureSearchResolver(Structure)] },
        referenceResolvers,
      );
    },
    openDatabase: (config) =>
      openDatabase(config, {
        name: HUB,
        entities: [...REFERENCE_ENTITIES, InstructionRuleRow, RegionalCallAnnouncementRow, StructureDirectoryRow],
        migrations: [HubInitial1732300000000, HubStructureDirectory1733000000000],
      }),
    loadDemo: (db, dataset) => loadDirectoryDemo(db.dataSource, dataset),
    createContext: (db, actor) => ({ dataSource: db.dataSource, actor, loaders: createHubLoaders(db.dataSource) }),
  };
}

if (require.main === module) runSubgraphMain(hubSubgraph());
