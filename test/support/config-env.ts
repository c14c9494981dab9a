/**
 * Test settings written as the environment a service reads, so that harnesses build their
 * configuration with the production readers (readSubgraphConfig, readGatewayConfig) instead of
 * by hand: a setting the readers would refuse fails the test too.
 */
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { DatabaseConfig } from "../../subgraphs/platform/config";
import { GatewayConfig, LIMIT_VARIABLES } from "../../gateway/config";
import { SecurityLimits } from "../../gateway/security";
import { TestAuth } from "./auth";

export type Env = Record<string, string | undefined>;
export type SpeedSettings = Pick<GatewayConfig, "queryPlanner" | "responseCache" | "compression">;

/** What the test runner chose for every service: quiet logs (test/support/env.ts), SQL echo, NODE_ENV. */
export const runnerEnv = (): Env => ({
  LOG_LEVEL: process.env.LOG_LEVEL,
  LOG_SQL: process.env.LOG_SQL,
  NODE_ENV: process.env.NODE_ENV,
  SCHEMA_DIR: process.env.SCHEMA_DIR,
});

export function authEnv(auth: TestAuth): Env {
  const { config } = auth;
  return {
    HUB_HMAC_SECRET: config.hmacSecret,
    AUTH_ISSUER: config.issuer,
    AUTH_AUDIENCE: config.audience,
    AUTH_ALGORITHMS: config.algorithms.join(","),
    ...(config.jwksUrl ? { AUTH_JWKS_URL: config.jwksUrl } : { AUTH_PUBLIC_KEY_FILE: auth.secrets.publicKeyFile }),
    AUTH_MAX_TOKEN_LIFETIME_SECONDS: config.maxTokenLifetimeSeconds?.toString(),
  };
}

export const databaseEnv = (config: DatabaseConfig): Env => (config.url ? { DATABASE_URL: config.url } : { DATA_DIR: config.dataDir });

/** Every service of a test hub: the runner's choices, its keys and database, free ports, no demo set. */
export const servicesEnv = (auth: TestAuth, database: DatabaseConfig): Env => ({
  ...runnerEnv(),
  ...authEnv(auth),
  ...databaseEnv(database),
  PORT: "0",
  DEMO: "0",
});

/** A test gateway on a free port, serving `supergraphFile` from the subgraphs at `urls` (by name). */
export const gatewayPlacesEnv = (supergraphFile: string, urls: Record<string, string>, pollingIntervalMs = 0): Env => ({
  GATEWAY_PORT: "0",
  SUPERGRAPH_FILE: path.resolve(supergraphFile),
  SUPERGRAPH_POLL_MS: String(pollingIntervalMs),
  ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url])),
});

export const limitsEnv = (limits: Partial<SecurityLimits>): Env =>
  Object.fromEntries(Object.entries(limits).map(([key, value]) => [LIMIT_VARIABLES[key as keyof SecurityLimits], String(value)]));

export function speedEnv(speed: Partial<SpeedSettings>): Env {
  const env: Env = {};
  if (speed.queryPlanner) env.GATEWAY_QUERY_PLANNER = speed.queryPlanner;
  if (speed.compression !== undefined) env.GATEWAY_COMPRESSION = speed.compression ? "on" : "off";
  const cache = speed.responseCache;
  if (cache) {
    env.RESPONSE_CACHE_TTL_MS = String(cache.ttlMs);
    env.RESPONSE_CACHE_MAX_MB = String(cache.maxBytes / 1024 / 1024);
    env.RESPONSE_CACHE_REDIS_URL = cache.redisUrl ?? "";
    env.RESPONSE_CACHE_REDIS_PREFIX = cache.redisPrefix;
    env.RESPONSE_CACHE_INVALIDATION = cache.invalidation;
    env.RESPONSE_CACHE_JOIN = cache.joinInflight ? "on" : "off";
  }
  return env;
}

/** A setting the environment cannot say (a new field with no variable yet) must not be dropped silently. */
export function expectRead(read: object, requested: Record<string, unknown>, what: string): void {
  for (const [key, value] of Object.entries(requested)) {
    const got = (read as Record<string, unknown>)[key];
    const wanted = typeof value === "object" && value !== null && typeof got === "object" ? { ...got, ...value } : value;
    if (!isDeepStrictEqual(got, wanted))
      throw new Error(`${what} : le réglage de test ${key} ne passe pas par les variables d'environnement (${JSON.stringify(got)})`);
  }
}
