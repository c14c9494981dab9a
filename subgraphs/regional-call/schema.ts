import { createAuditResolver } from "../platform/audit/audit-trail.resolver";
import { createCallResolver } from "./call.resolver";
import { createEntityFieldResolvers } from "./entity-fields.resolver";
import { createLaureateResolver } from "./laureate.resolver";
import { createMutationsResolver } from "./mutations.resolver";
import { createQueriesResolver } from "./queries.resolver";
import { createRegionalCallReferences } from "./regional-call.reference";
import { CallSide } from "./side";
import { createRegionalCallTypes } from "./types";

/** The GraphQL schema of one side of the regional calls: its types, resolvers and entity references. */
export function createRegionalCallSchema(side: CallSide) {
  const types = createRegionalCallTypes(side);
  return {
    resolvers: [
      createCallResolver(types),
      createLaureateResolver(types),
      ...createEntityFieldResolvers(types),
      createQueriesResolver(types),
      createMutationsResolver(types),
      createAuditResolver(`${side.fieldPrefix}AuditTrail`, `appels à projets, volet ${side.volet}`),
    ] as const,
    referenceResolvers: createRegionalCallReferences(types),
    orphanedTypes: types.stubs.all,
  };
}
