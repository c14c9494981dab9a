/**
 * What `npm start` reads from its environment, checked once before anything is launched: a wrong
 * port, DEMO or URL stops it with the variable named, instead of a child process dying later.
 */
import { readDatabaseConfig, readFlag, readPort, ConfigError } from "../subgraphs/platform/config";
import { portOfRoutingUrl, readRegistry, registryFile, schemaDir } from "../subgraphs/platform/federation/registry";
import { DEFAULT_SUBGRAPH_PORT } from "../subgraphs/platform/server/subgraph-config";
import { DEFAULT_GATEWAY_PORT } from "../gateway/config";

export interface PlacedSubgraph {
  name: string;
  /** Where it listens: its routing URL, on `<NAME>_PORT` when set. */
  url: URL;
  /** Where the gateway and the funders reach it: SUBGRAPH_URL_<NAME>, else `url`. */
  reachAt: string;
}

export interface StartConfig {
  /** The subgraphs of the registry this machine runs (routing URL on 127.0.0.1). */
  subgraphs: PlacedSubgraph[];
  /** Where every funder tells the SIRETs it records: the hub's reachAt, else SUBGRAPH_URL_HUB (a hub run elsewhere). */
  hubUrl: string | null;
  gatewayPort: number;
  demo: boolean;
  dataDir: string;
  /** HUB_HMAC_SECRET is given: the installation's secrets are not the embedded set-up's own. */
  ownSecrets: boolean;
}

export function readStartConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): StartConfig {
  const local = readRegistry(registryFile(schemaDir(env))).filter((s) => new URL(s.routingUrl).hostname === "127.0.0.1");
  const subgraphs = local.map(({ name, routingUrl }) => {
    const url = new URL(routingUrl);
    // <NAME>_PORT wins over the registry's port (PORT is one process's, not the whole set's)
    url.port = String(readPort(`${name.toUpperCase()}_PORT`, portOfRoutingUrl(routingUrl) ?? DEFAULT_SUBGRAPH_PORT, env));
    const reachAt = env[`SUBGRAPH_URL_${name.toUpperCase()}`]?.trim() || url.toString();
    if (!/^https?:\/\//.test(reachAt))
      throw new ConfigError(`SUBGRAPH_URL_${name.toUpperCase()} doit être une URL http(s), reçu : ${reachAt}`);
    return { name, url, reachAt };
  });
  return {
    subgraphs,
    hubUrl: subgraphs.find((s) => s.name === "hub")?.reachAt ?? (env.SUBGRAPH_URL_HUB?.trim() || null),
    gatewayPort: readPort("GATEWAY_PORT", DEFAULT_GATEWAY_PORT, env),
    demo: readFlag("DEMO", true, env) && !argv.includes("--no-demo"),
    dataDir: readDatabaseConfig(env).dataDir,
    ownSecrets: Boolean(env.HUB_HMAC_SECRET),
  };
}
