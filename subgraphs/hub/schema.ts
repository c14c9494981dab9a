import { Contribution } from "../domain/federation/contributions";
import { contributionFields } from "./contribution-fields";
import { createAnnouncementResolver } from "./announcement.resolver";
import { createAnnouncementType } from "./announcement.type";
import { createEntityFiguresResolvers } from "./entity-figures.resolver";
import { createHubEntities } from "./entities.type";
import { createExplorerResolvers } from "./explorer/explorer.resolver";
import { createHubReferences } from "./hub.reference";
import { createReferenceQueriesResolver } from "./reference-queries.resolver";

/**
 * The hub subgraph, owned by the national team: the reference data (regions, departments, axes,
 * instructions, 2022 calls), the names of structures, and `crossFinancing`, which sums the
 * contributions of every registered funder subgraph through @requires. The contributions are
 * discovered in the registered schemas: a new funder is counted once registered and composed.
 */
export function createHubSchema(contributions: readonly Contribution[]) {
  const announcements = createAnnouncementType();
  const fields = contributionFields(contributions);
  const entities = createHubEntities(fields);
  return {
    resolvers: [
      ...createEntityFiguresResolvers(entities, announcements, fields),
      createReferenceQueriesResolver(entities, announcements),
      createAnnouncementResolver(entities, announcements),
      ...createExplorerResolvers(entities, fields),
    ] as const,
    referenceResolvers: createHubReferences(entities),
    /** The entity Query.structures returns (directory/structure-search.resolver.ts). */
    Structure: entities.Structure,
  };
}
