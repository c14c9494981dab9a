import { InMemoryStore, Store, useRateLimiter } from "@envelop/rate-limiter";
import { DocumentNode, getOperationAST, GraphQLError, Kind } from "graphql";

/**
 * The write limit: so many calls of each mutation per organisation and minute.
 *
 * Built on @envelop/rate-limiter (what Hive Gateway's useRateLimiting wraps), configured here
 * because the wrapper does not fit on three points, read from its source:
 * - it keys every count by the Authorization header (its plugin-level identifyFn; a field-level
 *   one only adds to the key), so `Bearer <jwt> x` or a second token of the same organisation got
 *   a fresh budget: here the key is the verified token's `org` claim;
 * - the limiter visits every operation of the document, with the variables of the one that runs:
 *   a document holding several operations (GraphiQL sends its whole editor) failed on the others'
 *   variables and counted their mutations; here it sees the executed operation only;
 * - its refusal is English, with `http.statusCode` (Yoga reads `http.status`: the answer was 200)
 *   and `Retry-After: 60000ms`: here French, code RATE_LIMITED, HTTP 429, Retry-After in seconds.
 */
export const RATE_LIMITED = "RATE_LIMITED";
const WINDOW_MS = 60_000;

type Context = { jwt?: { payload?: { org?: unknown } } };

/** Anonymous writes (always refused by the subgraphs) share one budget, apart from every organisation's. */
const organisationOf = (context: Context) => (typeof context.jwt?.payload?.org === "string" ? context.jwt.payload.org : "anonyme");

/** The document without the operations that do not run (fragments kept). */
export function executedOperationOnly(document: DocumentNode, operationName?: string | null): DocumentNode {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return document; // left to execution, which refuses it with its own message
  const definitions = document.definitions.filter((d) => d === operation || d.kind !== Kind.OPERATION_DEFINITION);
  return definitions.length === document.definitions.length ? document : { ...document, definitions };
}

const retryAfterSeconds = String(WINDOW_MS / 1000);

function refusal(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    path: error.path,
    nodes: error.nodes,
    extensions: { code: RATE_LIMITED, http: { status: 429, headers: { "Retry-After": retryAfterSeconds } } },
  });
}

/** One store per gateway, made outside the plugin factory so that every plugin instance counts in it. */
export const writeRateLimitStore = (): Store => new InMemoryStore();

type ExecutePayload = {
  args: { document: DocumentNode; operationName?: string | null };
  setResultAndStopExecution(result: { errors?: readonly GraphQLError[] }): void;
};

export function useWriteRateLimit(writesPerMinute: number, store: Store) {
  const limiter = useRateLimiter({
    identifyFn: organisationOf as never,
    store,
    configByField: [
      {
        type: "Mutation",
        field: "*",
        max: writesPerMinute,
        window: `${WINDOW_MS}ms`,
        // a refused attempt does not push the window further: Retry-After holds
        uncountRejected: true,
        message: `Limite d'écriture atteinte : ${writesPerMinute} appels par minute de cette mutation pour l'organisation {{id}}. Réessayez dans ${retryAfterSeconds} s.`,
      },
    ],
  });
  return {
    ...limiter,
    onExecute(payload: ExecutePayload) {
      payload.args.document = executedOperationOnly(payload.args.document, payload.args.operationName);
      if (!limiter.onExecute)
        throw new Error("Le limiteur d'écritures d'envelop n'a plus de onExecute : aucune écriture ne serait limitée.");
      return limiter.onExecute({
        ...payload,
        setResultAndStopExecution: (result: { errors?: readonly GraphQLError[] }) =>
          payload.setResultAndStopExecution({ ...result, errors: result.errors?.map(refusal) }),
      } as never);
    },
  };
}
