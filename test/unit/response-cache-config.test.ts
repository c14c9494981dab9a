/**
 * The response cache's settings as readResponseCache reads them: the default lifetime follows
 * where the stamps reach (10 min with Redis, 30 s in process), a lifetime set wins, a wrong value
 * stops the service.
 */
import { readResponseCache } from "../../gateway/config";

const REDIS = "redis://cache.internal:6379/0";

describe("RESPONSE_CACHE_TTL_MS", () => {
  test("unset: 30 s in process, where an import cannot reach the gateway's memory", () => {
    expect(readResponseCache({}).ttlMs).toBe(30_000);
    expect(readResponseCache({ RESPONSE_CACHE_TTL_MS: "" }).ttlMs).toBe(30_000);
  });

  test("unset with Redis: 10 minutes, every write and import stamping the shared cache", () => {
    expect(readResponseCache({ RESPONSE_CACHE_REDIS_URL: REDIS })).toMatchObject({ ttlMs: 600_000, redisUrl: REDIS });
    expect(readResponseCache({ RESPONSE_CACHE_REDIS_URL: "rediss://cache.internal:6380" }).ttlMs).toBe(600_000);
  });

  test("set: it wins with or without Redis, 0 included (the cache off)", () => {
    expect(readResponseCache({ RESPONSE_CACHE_TTL_MS: "45000" }).ttlMs).toBe(45_000);
    expect(readResponseCache({ RESPONSE_CACHE_REDIS_URL: REDIS, RESPONSE_CACHE_TTL_MS: "5000" }).ttlMs).toBe(5_000);
    expect(readResponseCache({ RESPONSE_CACHE_REDIS_URL: REDIS, RESPONSE_CACHE_TTL_MS: "0" }).ttlMs).toBe(0);
  });

  test("a lifetime that is not a whole number of ms, or an URL that is not Redis, stops the service", () => {
    expect(() => readResponseCache({ RESPONSE_CACHE_REDIS_URL: REDIS, RESPONSE_CACHE_TTL_MS: "10m" })).toThrow(
      "RESPONSE_CACHE_TTL_MS doit être un entier positif ou nul, reçu : 10m",
    );
    expect(() => readResponseCache({ RESPONSE_CACHE_TTL_MS: "-1" })).toThrow(/RESPONSE_CACHE_TTL_MS/);
    expect(() => readResponseCache({ RESPONSE_CACHE_REDIS_URL: "http://cache.internal:6379" })).toThrow(
      "RESPONSE_CACHE_REDIS_URL doit être une URL redis://, reçu : http://cache.internal:6379",
    );
  });
});

describe("RESPONSE_CACHE_JOIN", () => {
  test("unset: a read that misses joins the same answer's computation in flight; off: it computes its own", () => {
    expect(readResponseCache({}).joinInflight).toBe(true);
    expect(readResponseCache({ RESPONSE_CACHE_JOIN: "on" }).joinInflight).toBe(true);
    expect(readResponseCache({ RESPONSE_CACHE_JOIN: "off" }).joinInflight).toBe(false);
  });

  test("another value stops the service", () => {
    expect(() => readResponseCache({ RESPONSE_CACHE_JOIN: "false" })).toThrow("RESPONSE_CACHE_JOIN doit valoir on ou off, reçu : false");
  });
});
