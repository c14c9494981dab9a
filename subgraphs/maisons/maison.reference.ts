import { loadByRowId } from "../platform/graphql/load-by-row-id";
import { MaisonsContext } from "./context";
import { toMaison } from "./maison.type";

/** `__resolveReference` of MaisonProject: through the request's loader. */
export const maisonsReferenceResolvers = {
  MaisonProject: {
    async __resolveReference(ref: { id: string }, ctx: MaisonsContext) {
      const row = await loadByRowId(ctx.loaders.projectById, ref.id);
      return row ? toMaison(row) : null;
    },
  },
};
