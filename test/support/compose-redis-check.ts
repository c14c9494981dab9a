/**
 * The gateway's response cache in docker-compose.yml (README, "Response cache"): the Redis its
 * RESPONSE_CACHE_REDIS_URL names is a service of the file, on a network the gateway shares and
 * healthy before it; it stays exact (no persistence, only keys with a TTL evicted); and the
 * subgraphs' containers, where imports and the directory backfill run, stamp the same cache.
 */
import { Json } from "./json";

const EXACT_EVICTION = /^(volatile-(lru|lfu|ttl|random)|noeviction)$/;

/** The value after `flag` in a command list, or undefined. */
const option = (command: Json, flag: string): string | undefined => {
  const args = Array.isArray(command) ? command.map(String) : [];
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};

export function checkResponseCacheRedis(services: Record<string, Json>, gateway: string, subgraphs: string[], problems: string[]): void {
  const env: Record<string, Json> = services[gateway].environment ?? {};
  const url = env.RESPONSE_CACHE_REDIS_URL ? String(env.RESPONSE_CACHE_REDIS_URL) : null;
  if (!url) {
    problems.push(`service ${gateway}: RESPONSE_CACHE_REDIS_URL is not set (each replica its own cache, imports unable to stamp it)`);
    return;
  }
  const name = new URL(url).hostname;
  const redis = services[name];
  if (!redis || !String(redis.image).startsWith("redis:")) {
    problems.push(`service ${gateway}: RESPONSE_CACHE_REDIS_URL ${url} names no Redis service`);
    return;
  }
  if (!(services[gateway].networks ?? []).some((n: string) => (redis.networks ?? []).includes(n)))
    problems.push(`service ${gateway} and service ${name} share no network`);
  if (services[gateway].depends_on?.[name]?.condition !== "service_healthy")
    problems.push(`service ${gateway} must wait for ${name} to be healthy`);
  if (option(redis.command, "--save") !== "" || option(redis.command, "--appendonly") !== "no")
    problems.push(`service ${name}: the cache must not persist (--save "" --appendonly no): a snapshot restored brings back stale answers`);
  if (!EXACT_EVICTION.test(option(redis.command, "--maxmemory-policy") ?? "noeviction"))
    problems.push(
      `service ${name}: --maxmemory-policy must evict only keys with a TTL (volatile-*) or nothing: a version evicted serves stale answers`,
    );
  for (const subgraph of subgraphs) {
    const own: Record<string, Json> = services[subgraph].environment ?? {};
    if (
      own.RESPONSE_CACHE_REDIS_URL !== env.RESPONSE_CACHE_REDIS_URL ||
      own.RESPONSE_CACHE_REDIS_PREFIX !== env.RESPONSE_CACHE_REDIS_PREFIX
    )
      problems.push(
        `service ${subgraph}: an import run there would not stamp the gateway's cache (RESPONSE_CACHE_REDIS_URL, RESPONSE_CACHE_REDIS_PREFIX)`,
      );
  }
}
