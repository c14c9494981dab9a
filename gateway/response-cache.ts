import { createHash } from "node:crypto";
import { getOperationAST, DocumentNode, GraphQLSchema, OperationTypeNode, printSchema } from "graphql";
import { defaultBuildResponseCacheKey } from "@envelop/response-cache";
import Redis from "ioredis";
import { Counter, Gauge, Registry } from "prom-client";
import { WriteChanges } from "../subgraphs/platform/cache/write-changes";
import { ANY, readScopes, UNSCOPED, writeScopes } from "./cache-scopes";
import { answerScopes } from "./answer-scopes";
import { bumpInRedis, memoryStore, REDIS_COMMAND_TIMEOUT_MS, redisStore, ScopedStore } from "./scoped-store";
import { writeInvalidationPlugin } from "./write-invalidation";
import { inflightReads } from "./inflight-reads";

/**
 * Response cache of public reads (requests without a token), invalidated by what writes change.
 *
 * A public answer depends on scopes (a region, a department, a structure, a dossier, a national
 * list: cache-scopes.ts), read from its root fields before it runs and from the answer itself
 * (answer-scopes.ts). An accepted write stamps the scopes its subgraph reports it changed (a refusal
 * stamps nothing; a write that reports nothing, everything: write-invalidation.ts); an answer is
 * served while none of its scopes was stamped after it was computed (scoped-store.ts). New members
 * of lists are covered: a list depends on the scope its new member's write stamps. The key also
 * carries the hash of the schema served (a new supergraph may answer differently; replicas on the
 * same one share entries). A read that misses while the same answer is being computed from the
 * same sequence waits for it (inflight-reads.ts).
 *
 * One gateway: memory. Several replicas: RESPONSE_CACHE_REDIS_URL shares entries and versions,
 * so a write through any replica invalidates them all. A write that bypasses the gateway (a CSV
 * import into a subgraph's database) shows within the TTL, or at once when the import reaches
 * that Redis (invalidateSharedCache).
 */
export interface ResponseCacheConfig {
  /** Lifetime of an entry; 0 turns the cache off (unset: defaultTtlMs). */
  ttlMs: number;
  /** Memory bound of the in-process cache. */
  maxBytes: number;
  /** Shared cache for several gateway replicas (redis://host:6379/0), or null. */
  redisUrl: string | null;
  /** Namespace of the keys in Redis (one per hub sharing a Redis). */
  redisPrefix: string;
  /** `scoped`: a write invalidates the answers that depend on what it changed; `all`: every answer (the rule before, kept for comparison). */
  invalidation: "scoped" | "all";
  /** A read that misses waits for the same answer being computed from the same sequence (inflight-reads.ts); off: it computes its own. */
  joinInflight: boolean;
}

/**
 * The lifetime of an answer when RESPONSE_CACHE_TTL_MS is unset. In Redis, every write stamps the
 * scopes it changed for every replica, imports included: invalidation is exact and the TTL only
 * bounds what a write could not stamp (Redis unreachable from the process that made it), so it is
 * long. In process, an import cannot reach the gateway's memory nor another replica's: its lines
 * show when the answers expire, so it is short.
 */
export const DEFAULT_TTL_MS = { shared: 10 * 60_000, inProcess: 30_000 } as const;
export const defaultTtlMs = (redisUrl: string | null) => (redisUrl ? DEFAULT_TTL_MS.shared : DEFAULT_TTL_MS.inProcess);
/** A lifetime as the operators' reports say it (import, benchmark): "10 min", "30 s". */
export const ttlText = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);

export const DEFAULT_RESPONSE_CACHE: ResponseCacheConfig = {
  ttlMs: DEFAULT_TTL_MS.inProcess,
  maxBytes: 256 * 1024 * 1024,
  redisUrl: null,
  redisPrefix: "hub:response-cache:",
  invalidation: "scoped",
  joinInflight: true,
};

export function cacheStore(config: ResponseCacheConfig): ScopedStore {
  return config.redisUrl ? redisStore(config.redisUrl, config.redisPrefix) : memoryStore(config.maxBytes);
}

/** Where the replicas share their cache: the gateway's settings, read by readResponseCache (gateway/config.ts). */
export type SharedCacheSettings = Pick<ResponseCacheConfig, "redisUrl" | "redisPrefix">;

/**
 * After a write that bypassed the gateway (CSV import): with a shared cache, the scopes of the
 * rows it wrote are stamped and no replica serves an earlier answer that depends on them. Without
 * one, the gateway's own cache is out of reach: answers refresh within the TTL.
 */
export async function invalidateSharedCache(
  changes: WriteChanges | null,
  settings: SharedCacheSettings,
): Promise<"invalidated" | "not-shared" | "unreachable"> {
  const url = settings.redisUrl;
  if (!url) return "not-shared";
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined); // the outcome says it
  try {
    await redis.connect();
    await bumpInRedis(redis, settings.redisPrefix, writeScopes(changes));
    return "invalidated";
  } catch {
    return "unreachable";
  } finally {
    redis.disconnect();
  }
}

const LOOKUPS_METRIC = "hub_response_cache_lookups_total";

/** Hits and misses on /metrics, beside Hive Gateway's metrics (the gateway's registry). */
const lookupCounter = (registry: Registry) =>
  (registry.getSingleMetric(LOOKUPS_METRIC) as Counter<"result"> | undefined) ??
  new Counter({
    name: LOOKUPS_METRIC,
    help: "Lectures publiques cherchées dans le cache des réponses, par résultat (hit : servie par le cache ; joined : servie par le calcul en cours de la même réponse ; miss : calculée).",
    labelNames: ["result"],
    registers: [registry],
  });

const WAITING_METRIC = "hub_response_cache_waiting_reads";

/** Reads waiting, right now, for the computation of the same answer by another read. */
const waitingGauge = (registry: Registry) =>
  (registry.getSingleMetric(WAITING_METRIC) as Gauge | undefined) ??
  new Gauge({
    name: WAITING_METRIC,
    help: "Lectures publiques qui attendent en ce moment la même réponse, en cours de calcul pour une autre lecture.",
    registers: [registry],
  });

type ExecuteArgs = {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue: object;
  schema: GraphQLSchema;
};
type Result = { data?: Record<string, unknown> | null; errors?: readonly unknown[] };

/**
 * The plugins: public reads answered from the store while none of their scopes changed, and the
 * writes that stamp the scopes they changed (write-invalidation.ts).
 */
export function responseCachePlugins(config: ResponseCacheConfig, store: ScopedStore, registry: Registry, joinWaitMs: number) {
  if (config.ttlMs <= 0) return [];
  let schemaHash = "";
  const lookups = lookupCounter(registry);
  const inflight = inflightReads(joinWaitMs);
  const waiting = waitingGauge(registry);
  /** A read that missed: its key, the sequence read before it runs, and what hands its answer to the reads that joined it. */
  const misses = new WeakMap<object, { key: string; sequence: number; settle: (answer: unknown) => void }>();
  /** The same settle by request: whatever ends the request (an error before execution, a mutation) releases its joiners. */
  const leaders = new WeakMap<Request, (answer: unknown) => void>();
  const scopesOf = (args: ExecuteArgs, data: Record<string, unknown>) =>
    config.invalidation === "all"
      ? [ANY]
      : [
          ...readScopes(args.document, args.operationName, args.variableValues ?? {}),
          ...answerScopes(args.schema, args.document, args.operationName, args.variableValues ?? {}, data),
        ];
  return [
    {
      onSchemaChange: ({ schema }: { schema: GraphQLSchema }) => {
        schemaHash = createHash("sha256").update(printSchema(schema)).digest("base64url").slice(0, 16);
      },
      // Before parsing: a hit costs no parse, validation nor plan.
      onParams({
        params,
        request,
        context,
        setResult,
      }: {
        params: { query?: string; variables?: Record<string, unknown>; operationName?: string };
        request: Request;
        context: object;
        setResult: (result: unknown) => void;
      }) {
        // Public reads only: a token may see more (audit trails), so its answers are never shared.
        if (request.headers.has("authorization")) return undefined;
        return (async () => {
          const key = `${schemaHash}:${await defaultBuildResponseCacheKey({ documentString: params.query ?? "", variableValues: params.variables ?? {}, operationName: params.operationName, sessionId: null })}`;
          const { answer, sequence } = await store.lookup(key);
          if (answer) {
            lookups.inc({ result: "hit" });
            setResult(answer.result);
            return;
          }
          const computing = sequence === null || !config.joinInflight ? null : inflight.join(key, sequence);
          let joined: unknown = null;
          if (computing) {
            waiting.inc();
            joined = await computing.finally(() => waiting.dec());
          }
          if (joined) {
            lookups.inc({ result: "joined" });
            setResult(joined);
            return;
          }
          lookups.inc({ result: "miss" });
          if (sequence === null) return;
          const settle = config.joinInflight ? inflight.lead(key, sequence) : () => undefined;
          misses.set(context, { key, sequence, settle });
          leaders.set(request, settle);
        })();
      },
      onExecute({ args }: { args: ExecuteArgs }) {
        const miss = misses.get(args.contextValue);
        if (!miss || getOperationAST(args.document, args.operationName ?? undefined)?.operation !== OperationTypeNode.QUERY)
          return undefined;
        return {
          onExecuteDone: ({ result }: { result: unknown }) => {
            // answers with an error (a subgraph down, a bad SIRET) are never kept nor shared
            const { data, errors } = (result ?? {}) as Result;
            const cacheable = !!data && !errors?.length && !(Symbol.asyncIterator in (result as object));
            miss.settle(cacheable ? result : null);
            if (!data || !cacheable) return undefined;
            return store.save(miss.key, { result, at: miss.sequence, scopes: [...new Set(scopesOf(args, data))] }, config.ttlMs);
          },
        };
      },
      onResponse({ request }: { request: Request }) {
        leaders.get(request)?.(null);
      },
    },
    writeInvalidationPlugin((scopes) => store.bump(config.invalidation === "all" ? [ANY, UNSCOPED] : scopes)),
  ];
}
