/**
 * Where the working day's gateways keep their response cache: in Redis as deployed, when a local
 * Redis answers at BENCH_REDIS_URL (default redis://127.0.0.1:6379/0), with a prefix of its own per
 * gateway and its keys removed after; otherwise in process, said in the report. The lifetime is
 * the one the gateway's reader gives that setting (RESPONSE_CACHE_TTL_MS unset: its default).
 */
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { readResponseCache } from "../gateway/config";
import { ttlText } from "../gateway/response-cache";
import { removeKeys } from "./redis-keys";

export type WorkingDayCache = { store: "redis"; url: string; ttlMs: number } | { store: "memory"; absent: string; ttlMs: number };

const DEFAULT_BENCH_REDIS = "redis://127.0.0.1:6379/0";

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    disconnectTimeout: 100,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined); // absent: the caller says so
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** The store of the day's gateways, and its lifetime as their reader sees the environment. */
export async function workingDayCache(env: NodeJS.ProcessEnv = process.env): Promise<WorkingDayCache> {
  const url = env.BENCH_REDIS_URL || DEFAULT_BENCH_REDIS;
  if (await answers(url)) return { store: "redis", url, ttlMs: readResponseCache({ ...env, RESPONSE_CACHE_REDIS_URL: url }).ttlMs };
  return { store: "memory", absent: url, ttlMs: readResponseCache({ ...env, RESPONSE_CACHE_REDIS_URL: "" }).ttlMs };
}

/** One gateway's cache settings (a fresh, empty cache), and what removes its keys once it stopped. */
export function cacheForOneGateway(cache: WorkingDayCache): { env: Record<string, string>; cleanup(): Promise<void> } {
  if (cache.store === "memory") return { env: { RESPONSE_CACHE_REDIS_URL: "" }, cleanup: () => Promise.resolve() };
  const prefix = `hub-bench:${randomUUID()}:`;
  return {
    env: { RESPONSE_CACHE_REDIS_URL: cache.url, RESPONSE_CACHE_REDIS_PREFIX: prefix },
    cleanup: () => removeKeys(cache.url, prefix),
  };
}

/** The report's line, in French. */
export function describeCache(cache: WorkingDayCache): string {
  const ttl = ttlText(cache.ttlMs);
  return cache.store === "redis"
    ? `Cache des réponses dans Redis comme en production (${cache.url}, un préfixe neuf par passerelle, clés supprimées après), durée de vie ${ttl}.`
    : `Cache des réponses en mémoire de la passerelle (Redis ne répond pas à ${cache.absent} : BENCH_REDIS_URL), durée de vie ${ttl} ; en production, avec Redis, la durée de vie par défaut est plus longue.`;
}
