/**
 * The working day's cache (bench/working-day-cache.ts): in process when nothing answers at
 * BENCH_REDIS_URL, with the lifetime the gateway's reader gives; a fresh prefix per gateway over
 * Redis; the report says which.
 */
import { cacheForOneGateway, describeCache, workingDayCache } from "../../bench/working-day-cache";

const CLOSED = "redis://127.0.0.1:1/0"; // nothing listens on port 1

test("no Redis at BENCH_REDIS_URL: in process, 30 s unless RESPONSE_CACHE_TTL_MS says otherwise, and said", async () => {
  const cache = await workingDayCache({ BENCH_REDIS_URL: CLOSED });
  expect(cache).toEqual({ store: "memory", absent: CLOSED, ttlMs: 30_000 });
  expect(describeCache(cache)).toMatch(
    /en mémoire de la passerelle \(Redis ne répond pas à redis:\/\/127\.0\.0\.1:1\/0.*durée de vie 30 s/,
  );
  expect((await workingDayCache({ BENCH_REDIS_URL: CLOSED, RESPONSE_CACHE_TTL_MS: "5000" })).ttlMs).toBe(5_000);
  // in process even when the environment names a Redis for the gateway
  expect(cacheForOneGateway(cache).env).toEqual({ RESPONSE_CACHE_REDIS_URL: "" });
});

test("over Redis: a fresh prefix per gateway, and the report names the store and the lifetime", () => {
  const cache = { store: "redis", url: "redis://127.0.0.1:6379/0", ttlMs: 600_000 } as const;
  const [one, two] = [cacheForOneGateway(cache), cacheForOneGateway(cache)];
  expect(one.env.RESPONSE_CACHE_REDIS_URL).toBe(cache.url);
  expect(one.env.RESPONSE_CACHE_REDIS_PREFIX).toMatch(/^hub-bench:[0-9a-f-]{36}:$/);
  expect(two.env.RESPONSE_CACHE_REDIS_PREFIX).not.toBe(one.env.RESPONSE_CACHE_REDIS_PREFIX);
  expect(describeCache(cache)).toMatch(/dans Redis comme en production \(redis:\/\/127\.0\.0\.1:6379\/0.*durée de vie 10 min/);
});
