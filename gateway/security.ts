import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { Store } from "@envelop/rate-limiter";
import { GraphQLError } from "graphql";
import { RATE_LIMITED, useWriteRateLimit } from "./write-rate-limit";

/** Limits of the public endpoint; every one can be tuned by environment (gateway/config.ts). */
export interface SecurityLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxBodyBytes: number;
  /** Writes per organisation per mutation field and minute. */
  writesPerMinute: number;
  /** Ceiling of a subgraph call: past it the gateway answers with the other subgraphs' data. */
  subgraphTimeoutMs: number;
}

export const DEFAULT_LIMITS: SecurityLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3000,
  maxCost: 20000,
  maxBodyBytes: 100_000,
  writesPerMinute: 120,
  subgraphTimeoutMs: 10_000,
};

const USER_FACING_CODES = new Set(["BAD_USER_INPUT", "FORBIDDEN", "UNAUTHENTICATED"]);
/** The gateway's own refusals: their `http` extension (status, Retry-After) is for Yoga to apply, not a subgraph's. */
const GATEWAY_REFUSAL_CODES = new Set([RATE_LIMITED]);
/** Network failures of a subgraph call, whose messages carry internal host names and ports. */
const UPSTREAM_FAILURE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|socket hang up|fetch failed|other side closed/i;
const HIDDEN_ERROR_EXTENSIONS = ["request", "response", "serviceName", "stack", "originalError", "http"];

/**
 * Errors of subgraph calls carry the subgraph's URL, request body (with its signature) and
 * response: the server log keeps them, the client gets the message, path and code only.
 */
export function useScrubbedErrors(subgraphTimeoutMs: number) {
  // errors as the executor hands them: GraphQLErrors or their plain JSON form (no extensions then)
  const scrub = (result: {
    errors?: readonly (Pick<GraphQLError, "message" | "path" | "nodes"> & { extensions?: GraphQLError["extensions"] })[];
  }) => {
    if (!result.errors?.length) return undefined;
    let changed = false as boolean; // set inside the map below, where TypeScript does not look
    const errors = result.errors.map((error) => {
      const extensions = { ...(error.extensions ?? {}) } as Record<string, unknown>;
      if (GATEWAY_REFUSAL_CODES.has(String(extensions.code))) return error;
      const timedOut = extensions.code === "GATEWAY_TIMEOUT";
      const unreachable =
        !USER_FACING_CODES.has(String(extensions.code)) &&
        (extensions.code === "SUBREQUEST_HTTP_ERROR" || UPSTREAM_FAILURE.test(error.message));
      if (!timedOut && !unreachable && !HIDDEN_ERROR_EXTENSIONS.some((key) => key in extensions)) return error;
      changed = true;
      const subgraph = typeof extensions.serviceName === "string" ? extensions.serviceName : undefined;
      // A refusal (bad input, access) is the normal answer to a client; anything else is logged.
      if (!USER_FACING_CODES.has(String(extensions.code))) {
        const request = extensions.request as { url?: string } | undefined;
        console.error(
          JSON.stringify({
            level: "error",
            service: "gateway",
            msg: "subgraph error",
            error: error.message,
            path: error.path,
            code: extensions.code,
            subgraph,
            url: request?.url,
          }),
        );
      }
      const shown = Object.fromEntries(Object.entries(extensions).filter(([key]) => !HIDDEN_ERROR_EXTENSIONS.includes(key)));
      // The network error names the subgraph's internal address: the client learns which data is missing, not where it lives.
      // Hive's timeout says "The operation was aborted due to timeout": the partner learns which subgraph and which limit.
      const message = timedOut
        ? `Le sous-graphe ${subgraph ?? "appelé"} n'a pas répondu dans le délai (${subgraphTimeoutMs / 1000} s, SUBGRAPH_TIMEOUT_MS) : ces données manquent, les autres sont là.`
        : unreachable
          ? `Un sous-graphe${subgraph ? ` (${subgraph})` : ""} ne répond pas : ces données manquent, les autres sont là.`
          : error.message;
      return new GraphQLError(message, { path: error.path, nodes: error.nodes, extensions: shown });
    });
    return changed ? { ...result, errors } : undefined;
  };
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }: { result: unknown; setResult: (r: never) => void }) {
          if (result && typeof result === "object" && !(Symbol.asyncIterator in result)) {
            const scrubbed = scrub(result);
            if (scrubbed) setResult(scrubbed as never);
          }
        },
      };
    },
  };
}

export const OPERATION_LIMIT_EXCEEDED = "OPERATION_LIMIT_EXCEEDED";

/**
 * GraphQL Armor's refusal is English ("Syntax Error: Query depth limit of 10 exceeded") and has no
 * code: its onReject handlers run before it throws, so throwing here puts the French rule, the
 * variable that sets it, a code and HTTP 400 in its place.
 */
const refuseWith = (message: string) => [
  () => {
    throw new GraphQLError(message, { extensions: { code: OPERATION_LIMIT_EXCEEDED, http: { status: 400 } } });
  },
];

/** The gateway's own security plugins (GraphQL Armor, the write limit), configured. */
export function securityPlugins(limits: SecurityLimits, writeLimitStore: Store) {
  return [
    maxDepthPlugin({
      n: limits.maxDepth,
      onReject: refuseWith(`Requête trop imbriquée : ${limits.maxDepth} niveaux au plus (LIMIT_MAX_DEPTH).`),
    }),
    maxAliasesPlugin({
      n: limits.maxAliases,
      onReject: refuseWith(`Trop d'alias dans la requête : ${limits.maxAliases} au plus (LIMIT_MAX_ALIASES).`),
    }),
    maxTokensPlugin({
      n: limits.maxTokens,
      onReject: refuseWith(`Requête trop longue : ${limits.maxTokens} éléments lexicaux au plus (LIMIT_MAX_TOKENS).`),
    }),
    costLimitPlugin({
      maxCost: limits.maxCost,
      onReject: refuseWith(
        `Requête trop coûteuse : coût ${limits.maxCost} au plus (LIMIT_MAX_COST ; chaque champ compte, davantage en profondeur).`,
      ),
    }),
    blockFieldSuggestionsPlugin(),
    useScrubbedErrors(limits.subgraphTimeoutMs),
    useWriteRateLimit(limits.writesPerMinute, writeLimitStore),
  ];
}
