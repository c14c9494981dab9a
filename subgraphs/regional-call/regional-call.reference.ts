import { loadByRowId } from "../platform/graphql/load-by-row-id";
import { RegionalCallContext } from "./context";
import { RegionalCallTypes } from "./types";

/** `__resolveReference` of the side's entities (HealthCall, HealthProject…): through the request's loaders. */
export function createRegionalCallReferences({ side, toCall, toLaureate }: RegionalCallTypes) {
  return {
    [`${side.typePrefix}Call`]: {
      async __resolveReference(ref: { id: string }, ctx: RegionalCallContext) {
        const row = await loadByRowId(ctx.loaders.callById, ref.id);
        return row ? toCall(row) : null;
      },
    },
    [`${side.typePrefix}Project`]: {
      async __resolveReference(ref: { id: string }, ctx: RegionalCallContext) {
        const row = await loadByRowId(ctx.loaders.projectById, ref.id);
        return row ? toLaureate(row) : null;
      },
    },
  };
}
