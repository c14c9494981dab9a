import { createHash } from "node:crypto";
import { getOperationAST, DocumentNode, GraphQLSchema, OperationTypeNode, printSchema } from "graphql";
import { Cache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { defaultBuildResponseCacheKey } from "@envelop/response-cache";
import { LRUCache } from "lru-cache";
import Redis from "ioredis";
import { Counter, Registry } from "prom-client";

/**
 * Response cache of public reads (requests without a token), invalidated by writes.
 *
 * Every cache key carries a generation that each accepted write moves on (a refusal does not), and the hash of the schema
 * served (a new supergraph may answer differently; replicas on the same one share entries). A
 * write to one funder can change reads anywhere (a new CAF grant changes a structure's
 * cross-financing and its region's totals), and invalidating the entities a mutation returns
 * would miss new members of lists; so after a write, nothing cached before it is served. Entries
 * of past generations are never read again and age out (TTL, size bound).
 *
 * One gateway: memory. Several replicas: RESPONSE_CACHE_REDIS_URL shares entries and generation,
 * so a write through any replica invalidates them all. A write that bypasses the gateway (a CSV
 * import into a subgraph's database) shows within the TTL, or at once when the import reaches
 * that Redis (invalidateSharedCache).
 */
export interface ResponseCacheConfig {
  /** Lifetime of an entry; 0 turns the cache off. */
  ttlMs: number;
  /** Memory bound of the in-process cache. */
  maxBytes: number;
  /** Shared cache for several gateway replicas (redis://host:6379/0), or null. */
  redisUrl: string | null;
  /** Namespace of the keys in Redis (one per hub sharing a Redis). */
  redisPrefix: string;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheConfig = { ttlMs: 30_000, maxBytes: 256 * 1024 * 1024, redisUrl: null, redisPrefix: "hub:response-cache:" };

/** Where entries and the write generation live. */
export interface CacheStore {
  cache: Cache;
  generation(): Promise<number> | number;
  advance(): Promise<void> | void;
  close(): Promise<void>;
}

type Entry = Parameters<Cache["set"]>[1];

export function memoryStore(maxBytes: number): CacheStore {
  // Sized by the JSON length of each answer: a national dashboard weighs megabytes, a structure kilobytes.
  const entries = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry).length) });
  let generation = 0;
  return {
    cache: {
      get: (key) => entries.get(key),
      set: (key, result, _entities, ttl) => { entries.set(key, result, { ttl: Number.isFinite(ttl) ? ttl : undefined }); },
      invalidate: () => undefined, // generations do it
    },
    generation: () => generation,
    advance: () => { generation++; entries.clear(); },
    close: () => { entries.clear(); return Promise.resolve(); },
  };
}

/**
 * Redis down: reads go to the subgraphs (a miss), nothing is cached, and the failure is logged
 * once per outage; the hub answers as without a cache.
 */
export function redisStore(url: string, prefix: string): CacheStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  const generationKey = `${prefix}generation`;
  let outage = false;
  const logged = (error: unknown) => {
    if (!outage) console.error(JSON.stringify({ level: "error", service: "gateway", msg: "response cache: Redis unreachable, answering without cache", error: String(error) }));
    outage = true;
  };
  redis.on("error", logged);
  redis.on("ready", () => { outage = false; });
  const orMiss = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      logged(error);
      return fallback;
    }
  };
  return {
    cache: {
      get: (key) => orMiss(async () => {
        const raw = await redis.get(prefix + key);
        return raw ? (JSON.parse(raw) as Entry) : undefined;
      }, undefined),
      set: (key, result, _entities, ttl) => orMiss(async () => {
        await redis.set(prefix + key, JSON.stringify(result), "PX", Math.max(1, Math.round(Number.isFinite(ttl) ? ttl : DEFAULT_RESPONSE_CACHE.ttlMs)));
      }, undefined),
      invalidate: () => undefined, // generations do it
    },
    // Unknown generation: a key no entry has, so nothing stale is read.
    generation: () => orMiss(async () => Number((await redis.get(generationKey)) ?? 0), -Date.now()),
    advance: () => orMiss(async () => { await redis.incr(generationKey); }, undefined),
    close: () => { redis.disconnect(); return Promise.resolve(); },
  };
}

/**
 * After a write that bypassed the gateway (CSV import): with a shared cache, no replica serves an
 * earlier answer any more. Without one, the gateway's own cache is out of reach: answers refresh
 * within the TTL.
 */
export async function invalidateSharedCache(env: NodeJS.ProcessEnv = process.env): Promise<"invalidated" | "not-shared" | "unreachable"> {
  const url = env.RESPONSE_CACHE_REDIS_URL;
  if (!url) return "not-shared";
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on("error", () => undefined); // the outcome says it
  try {
    await redis.connect();
    await redis.incr(`${env.RESPONSE_CACHE_REDIS_PREFIX || DEFAULT_RESPONSE_CACHE.redisPrefix}generation`);
    return "invalidated";
  } catch {
    return "unreachable";
  } finally {
    redis.disconnect();
  }
}

export function cacheStore(config: ResponseCacheConfig): CacheStore {
  return config.redisUrl ? redisStore(config.redisUrl, config.redisPrefix) : memoryStore(config.maxBytes);
}

const LOOKUPS_METRIC = "hub_response_cache_lookups_total";

/** Hits and misses on /metrics, beside Hive Gateway's metrics (the gateway's registry). */
function countedLookups(cache: Cache, registry: Registry): Cache {
  const lookups = (registry.getSingleMetric(LOOKUPS_METRIC) as Counter<"result"> | undefined) ?? new Counter({ name: LOOKUPS_METRIC, help: "Lectures publiques cherchées dans le cache des réponses, par résultat (hit, miss).", labelNames: ["result"], registers: [registry] });
  return {
    ...cache,
    get: async (key) => {
      const found = await cache.get(key);
      lookups.inc({ result: found ? "hit" : "miss" });
      return found;
    },
  };
}

const isMutation = (document: DocumentNode, operationName?: string | null) => getOperationAST(document, operationName ?? undefined)?.operation === OperationTypeNode.MUTATION;

type MutationResult = { data?: Record<string, unknown> | null; errors?: readonly { extensions?: Record<string, unknown> }[] };

/** Refusals made before anything is written: by the subgraphs' rules and access checks, or by the gateway's limit. */
const REFUSED_BEFORE_WRITING = new Set(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "RATE_LIMITED"]);

/**
 * A write may have changed data unless it was refused as a whole: no mutation field answered and
 * every error is a refusal (anonymous, another organisation, a broken rule, the write limit).
 * An error of unknown outcome (a timeout, an internal error) still invalidates: it may have been
 * applied.
 */
function mayHaveWritten(outcome: unknown): boolean {
  if (!outcome || typeof outcome !== "object" || Symbol.asyncIterator in outcome) return true;
  const result = outcome as MutationResult;
  if (Object.values(result.data ?? {}).some((value) => value != null)) return true;
  return !(result.errors?.length && result.errors.every((error) => REFUSED_BEFORE_WRITING.has(String(error.extensions?.code))));
}

/** The plugins: Yoga's response cache keyed by generation, and the writes that advance it. */
export function responseCachePlugins(config: ResponseCacheConfig, store: CacheStore, registry: Registry) {
  if (config.ttlMs <= 0) return [];
  let schemaHash = "";
  return [
    useResponseCache({
      cache: countedLookups(store.cache, registry),
      ttl: config.ttlMs,
      // Public reads only: a token may see more (audit trails), so its answers are never shared.
      enabled: (request) => !request.headers.has("authorization"),
      session: () => null,
      buildResponseCacheKey: async (params) => `g${await store.generation()}:${schemaHash}:${await defaultBuildResponseCacheKey(params)}`,
      invalidateViaMutation: false,
    }),
    {
      // After a write that may have changed something, earlier answers are no longer served.
      onExecute({ args }: { args: { document: DocumentNode; operationName?: string | null } }) {
        if (!isMutation(args.document, args.operationName)) return undefined;
        return { onExecuteDone: ({ result }: { result: unknown }) => (mayHaveWritten(result) ? store.advance() : undefined) };
      },
      onSchemaChange: ({ schema }: { schema: GraphQLSchema }) => {
        schemaHash = createHash("sha256").update(printSchema(schema)).digest("base64url").slice(0, 16);
      },
    },
  ];
}
