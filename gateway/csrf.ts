import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { GraphQLError } from "graphql";

/** Either header makes a GET (or a simple-content-type POST) one a browser must preflight. */
export const CSRF_HEADERS = ["x-graphql-csrf", "apollo-require-preflight"] as const;

/**
 * Yoga's CSRF prevention (what Hive's `csrfPrevention` option adds), with its English refusal
 * ("Required CSRF header(s) not present", no code) replaced by a French one naming the header.
 */
export function useCsrfPrevention() {
  const plugin = useCSRFPrevention({ requestHeaders: [...CSRF_HEADERS] });
  return {
    onRequestParse(payload: Parameters<NonNullable<typeof plugin.onRequestParse>>[0]) {
      try {
        if (!plugin.onRequestParse)
          throw new Error("Le greffon CSRF de Yoga n'a plus de onRequestParse : la protection ne s'appliquerait pas.");
        return plugin.onRequestParse(payload);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        throw new GraphQLError(
          `Requête refusée (protection CSRF) : une requête GET, ou un POST de type text/plain ou formulaire, doit porter l'en-tête « ${CSRF_HEADERS[0]}: 1 » (ou « ${CSRF_HEADERS[1]}: true »). Un POST application/json n'en a pas besoin.`,
          { extensions: { code: "CSRF_HEADER_REQUIRED", http: { status: 403 } } },
        );
      }
    },
  };
}
