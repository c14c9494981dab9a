import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLFormattedError, GraphQLSchema } from "graphql";

/**
 * Apollo Server as every subgraph runs it, started and ready for `executeHTTPGraphQLRequest`: no
 * inline traces, no cache control, no stack traces, unexpected errors masked.
 */
export async function startSubgraphApollo<Context extends object>(name: string, schema: GraphQLSchema): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // Cache control off: its willResolveField hook makes Apollo Server wrap every field of the schema
    // and call the hook on each field of each answer (thousands on a regional dashboard), for a
    // cache-control header nothing reads (the gateway caches by its own rules). The header it sent
    // (no-store) is kept by the /graphql route (graphql-route.ts).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskUnexpected(name, formatted, error),
  });
  await apollo.start();
  return apollo;
}

/** Errors a user can act on keep their message; anything else (SQL, bugs) is logged and masked. */
const USER_FACING_CODES = new Set([
  "BAD_USER_INPUT",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "AMOUNT_OUT_OF_RANGE",
]);

function maskUnexpected(subgraph: string, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (USER_FACING_CODES.has(String(formatted.extensions?.code))) return formatted;
  console.error(
    JSON.stringify({
      level: "error",
      service: subgraph,
      msg: "unexpected error",
      error: String((error as { originalError?: unknown } | null | undefined)?.originalError ?? error),
      path: formatted.path,
    }),
  );
  return { message: "Erreur interne du sous-graphe.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
