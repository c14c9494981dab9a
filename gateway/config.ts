import path from "node:path";
import { ConfigError, readPort } from "../subgraphs/shared/config";
import { schemaDir } from "../subgraphs/shared/federation/registry";
import { AuthConfig, readAuthConfig } from "../subgraphs/shared/auth/config";

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
  if (!Number.isInteger(polling) || polling < 0) throw new ConfigError(`SUPERGRAPH_POLL_MS doit être un entier positif, reçu : ${env.SUPERGRAPH_POLL_MS}`);
  return {
    port: readPort("GATEWAY_PORT", 4000, env),
    host: env.GATEWAY_HOST || "127.0.0.1",
    supergraphFile: path.resolve(env.SUPERGRAPH_FILE || path.join(schemaDir(env), "supergraph.graphql")),
    subgraphUrls,
    pollingIntervalMs: polling,
    auth: readAuthConfig(env),
  };
}
