import path from "node:path";
import { ConfigError, LogLevel, readHost, readLogLevel, readPort } from "../subgraphs/platform/config";
import { schemaDir } from "../subgraphs/platform/federation/registry";
import { AuthConfig, readAuthConfig } from "../subgraphs/platform/auth/config";
import { DEFAULT_LIMITS, SecurityLimits } from "./security";
import { DEFAULT_RESPONSE_CACHE, defaultTtlMs, ResponseCacheConfig } from "./response-cache";

export interface GatewayConfig {
  port: number;
  host: string;
  /** The committed, composed supergraph the gateway serves (never composed at runtime). */
  supergraphFile: string;
  /** Where each subgraph really is, when it differs from the supergraph's routing URLs (containers, tests). */
  subgraphUrls: Record<string, string>;
  /** How often the gateway re-reads the supergraph file, in ms. */
  pollingIntervalMs: number;
  auth: AuthConfig;
  limits: SecurityLimits;
  /** Who plans the subgraph calls: Hive Router's Rust planner (the default, faster) or the JavaScript one. */
  queryPlanner: QueryPlanner;
  /** Public reads answered from a cache that every write invalidates (gateway/response-cache.ts). */
  responseCache: ResponseCacheConfig;
  /** gzip/deflate answers to clients that accept them (off when a proxy in front already compresses). */
  compression: boolean;
  /** A port of its own for /metrics (internal network); unset: /metrics on the public port. */
  metricsPort?: number | null;
  /** LOG_LEVEL: "debug" turns Hive Gateway's debug logs on; otherwise warnings only. Default warn. */
  logLevel?: LogLevel;
}

/** Where the gateway listens when GATEWAY_PORT is unset (`npm start` waits for it there). */
export const DEFAULT_GATEWAY_PORT = 4000;

export const QUERY_PLANNERS = ["rust", "js"] as const;
export type QueryPlanner = (typeof QUERY_PLANNERS)[number];

/** The variable that sets each limit (harnesses express their limits through it). */
export const LIMIT_VARIABLES: Record<keyof SecurityLimits, string> = {
  maxDepth: "LIMIT_MAX_DEPTH",
  maxAliases: "LIMIT_MAX_ALIASES",
  maxTokens: "LIMIT_MAX_TOKENS",
  maxCost: "LIMIT_MAX_COST",
  maxBodyBytes: "LIMIT_MAX_BODY_BYTES",
  writesPerMinute: "LIMIT_WRITES_PER_MINUTE",
  subgraphTimeoutMs: "SUBGRAPH_TIMEOUT_MS",
};

export function readLimits(env: NodeJS.ProcessEnv = process.env): SecurityLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as [keyof SecurityLimits, string][]) {
    const raw = env[variable];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${variable} doit être un entier strictement positif, reçu : ${raw}`);
    limits[key] = value;
  }
  return limits;
}

export function readQueryPlanner(env: NodeJS.ProcessEnv = process.env): QueryPlanner {
  const raw = env.GATEWAY_QUERY_PLANNER || "rust";
  if (!(QUERY_PLANNERS as readonly string[]).includes(raw))
    throw new ConfigError(`GATEWAY_QUERY_PLANNER doit valoir ${QUERY_PLANNERS.join(" ou ")}, reçu : ${raw}`);
  return raw as QueryPlanner;
}

const wholeNumber = (env: NodeJS.ProcessEnv, name: string, fallback: number) => {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} doit être un entier positif ou nul, reçu : ${raw}`);
  return value;
};

function readSwitch(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "off") return raw === "on";
  throw new ConfigError(`${name} doit valoir on ou off, reçu : ${raw}`);
}

/** RESPONSE_CACHE_TTL_MS (0: off; unset: 10 min with Redis, 30 s in process), RESPONSE_CACHE_MAX_MB, RESPONSE_CACHE_REDIS_URL, RESPONSE_CACHE_REDIS_PREFIX, RESPONSE_CACHE_INVALIDATION, RESPONSE_CACHE_JOIN. */
export function readResponseCache(env: NodeJS.ProcessEnv = process.env): ResponseCacheConfig {
  const redisUrl = env.RESPONSE_CACHE_REDIS_URL || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError(`RESPONSE_CACHE_REDIS_URL doit être une URL redis://, reçu : ${redisUrl}`);
  return {
    ttlMs: wholeNumber(env, "RESPONSE_CACHE_TTL_MS", defaultTtlMs(redisUrl)),
    maxBytes: wholeNumber(env, "RESPONSE_CACHE_MAX_MB", DEFAULT_RESPONSE_CACHE.maxBytes / 1024 / 1024) * 1024 * 1024,
    redisUrl,
    redisPrefix: env.RESPONSE_CACHE_REDIS_PREFIX || DEFAULT_RESPONSE_CACHE.redisPrefix,
    invalidation: readInvalidation(env),
    joinInflight: readSwitch(env, "RESPONSE_CACHE_JOIN", DEFAULT_RESPONSE_CACHE.joinInflight),
  };
}

function readInvalidation(env: NodeJS.ProcessEnv): ResponseCacheConfig["invalidation"] {
  const raw = env.RESPONSE_CACHE_INVALIDATION || DEFAULT_RESPONSE_CACHE.invalidation;
  if (raw === "scoped" || raw === "all") return raw;
  throw new ConfigError(`RESPONSE_CACHE_INVALIDATION doit valoir scoped ou all, reçu : ${raw}`);
}

type SpeedSettings = Pick<GatewayConfig, "queryPlanner" | "responseCache" | "compression">;

/** GATEWAY_QUERY_PLANNER, RESPONSE_CACHE_*, GATEWAY_COMPRESSION. */
export function readSpeedSettings(env: NodeJS.ProcessEnv = process.env): SpeedSettings {
  return {
    queryPlanner: readQueryPlanner(env),
    responseCache: readResponseCache(env),
    compression: readSwitch(env, "GATEWAY_COMPRESSION", true),
  };
}

/**
 * Reads the gateway's environment once. Subgraph locations: `SUBGRAPH_URL_<NAME>` (for example
 * SUBGRAPH_URL_CAF=http://caf:4003/graphql) overrides the routing URL of the supergraph.
 */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (!match || !value) continue;
    if (!/^https?:\/\//.test(value)) throw new ConfigError(`${key} doit être une URL http(s), reçu : ${value}`);
    subgraphUrls[match[1].toLowerCase()] = value;
  }
  const polling = Number(env.SUPERGRAPH_POLL_MS ?? 2000);
  if (!Number.isInteger(polling) || polling < 0)
    throw new ConfigError(`SUPERGRAPH_POLL_MS doit être un entier positif, reçu : ${env.SUPERGRAPH_POLL_MS}`);
  return {
    port: readPort("GATEWAY_PORT", DEFAULT_GATEWAY_PORT, env),
    host: readHost("GATEWAY_HOST", "127.0.0.1", env),
    supergraphFile: path.resolve(env.SUPERGRAPH_FILE || path.join(schemaDir(env), "supergraph.graphql")),
    subgraphUrls,
    pollingIntervalMs: polling,
    auth: readAuthConfig(env),
    limits: readLimits(env),
    ...readSpeedSettings(env),
    metricsPort: env.METRICS_PORT ? readPort("METRICS_PORT", 0, env) : null,
    logLevel: readLogLevel(env, "warn"),
  };
}
