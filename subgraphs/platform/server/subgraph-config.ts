import {
  ConfigError,
  DatabaseConfig,
  LogLevel,
  readByteCount,
  readDatabaseConfig,
  readFlag,
  readHost,
  readLogLevel,
  readPort,
} from "../config";
import { AuthConfig, readAuthConfig } from "../auth/config";
import { readDirectoryUrl } from "../directory/client";
import { registeredPort } from "../federation/registry";
import { DemoDataset } from "../../../fixtures/demo/dataset";
import { StartOptions } from "./subgraph-module";
import { DEFAULT_MAX_BODY_BYTES } from "./http-json";

/**
 * A subgraph's port when neither `<NAME>_PORT`, `PORT` nor a registry gives one: the one default,
 * for a scaffolded subgraph run in its partner's own repository without the hub's registry.
 */
export const DEFAULT_SUBGRAPH_PORT = 4001;

/** Everything a subgraph process reads from its environment, checked once at start-up. */
export interface SubgraphConfig {
  database: DatabaseConfig;
  auth: AuthConfig;
  port: number;
  host: string;
  /** Load the fictitious demo set (DEMO, default 1; `--no-demo` wins). */
  demo: boolean;
  /** The hub's GraphQL URL for a funder's writes; undefined for the hub itself. */
  directoryUrl?: string;
  logLevel: LogLevel;
  /** Node's own metrics (event loop, memory) on /metrics; off under Jest (NODE_ENV=test). */
  processMetrics: boolean;
  /** The largest request body read (SUBGRAPH_MAX_BODY_BYTES): the gateway's entity calls grow with a region's rows. */
  maxBodyBytes: number;
}

/**
 * Port: `<NAME>_PORT`, else `PORT`, else the port of the subgraph's routing URL in
 * schema/supergraph.yaml (SCHEMA_DIR), else DEFAULT_SUBGRAPH_PORT.
 */
export function readSubgraphPort(name: string, env: NodeJS.ProcessEnv = process.env): number {
  return readPort(`${name.toUpperCase()}_PORT`, readPort("PORT", registeredPort(name, env) ?? DEFAULT_SUBGRAPH_PORT, env), env);
}

export function readSubgraphConfig(name: string, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): SubgraphConfig {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new ConfigError(`Nom de sous-graphe invalide « ${name} ».`);
  return {
    database: readDatabaseConfig(env),
    auth: readAuthConfig(env),
    port: readSubgraphPort(name, env),
    host: readHost("HOST", "127.0.0.1", env),
    demo: readFlag("DEMO", true, env) && !argv.includes("--no-demo"),
    directoryUrl: name === "hub" ? undefined : readDirectoryUrl(env),
    logLevel: readLogLevel(env),
    processMetrics: env.NODE_ENV !== "test",
    maxBodyBytes: readByteCount("SUBGRAPH_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, env),
  };
}

/** What startSubgraph needs from a configuration; the demo set is built by the caller (main, tests). */
export const startOptionsOf = (config: SubgraphConfig, demo: DemoDataset | null): StartOptions => ({
  database: config.database,
  auth: config.auth,
  port: config.port,
  host: config.host,
  demo,
  directoryUrl: config.directoryUrl,
  observability: { logLevel: config.logLevel, processMetrics: config.processMetrics },
  maxBodyBytes: config.maxBodyBytes,
});
