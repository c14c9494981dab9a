import { ConfigError, readHost, readPort } from "../../subgraphs/platform/config";
import { readRegistry, registryFile, schemaDir } from "../../subgraphs/platform/federation/registry";

export interface SignerConfig {
  port: number;
  host: string;
  /** The secret the subgraphs verify (HUB_HMAC_SECRET), never a default. */
  hmacSecret: string;
  /** Where each registered subgraph is: its routing URL, or SUBGRAPH_URL_<NAME>. */
  targets: Record<string, string>;
}

/** Reads the signing hop's environment once; a wrong value names its variable. */
export function readSignerConfig(env: NodeJS.ProcessEnv = process.env): SignerConfig {
  const hmacSecret = env.HUB_HMAC_SECRET || "";
  if (hmacSecret.length < 32)
    throw new ConfigError("HUB_HMAC_SECRET doit contenir au moins 32 caractères (secret partagé passerelle–sous-graphes).");
  const targets = Object.fromEntries(readRegistry(registryFile(schemaDir(env))).map((s) => [s.name, s.routingUrl]));
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (!match || !value) continue;
    const name = Object.keys(targets).find((n) => n.toUpperCase() === match[1]);
    if (!name) throw new ConfigError(`${key} ne correspond à aucun sous-graphe de supergraph.yaml.`);
    if (!/^https?:\/\//.test(value)) throw new ConfigError(`${key} doit être une URL http(s), reçu : ${value}`);
    targets[name] = value;
  }
  return { port: readPort("SIGNER_PORT", 4090, env), host: readHost("SIGNER_HOST", "127.0.0.1", env), hmacSecret, targets };
}
