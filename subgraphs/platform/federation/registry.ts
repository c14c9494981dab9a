import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

/**
 * The subgraph registry is `schema/supergraph.yaml`, in rover's supergraph config format, so that
 * rover and Apollo Router users read it as they expect. Registering a subgraph is one entry there.
 */
export interface RegisteredSubgraph {
  name: string;
  routingUrl: string;
  /** Absolute path of the subgraph's SDL file. */
  schemaFile: string;
}

export const schemaDir = (env: NodeJS.ProcessEnv = process.env) => path.resolve(env.SCHEMA_DIR || "schema");
export const registryFile = (dir = schemaDir()) => path.join(dir, "supergraph.yaml");

export function readRegistry(file = registryFile()): RegisteredSubgraph[] {
  const config = YAML.parse(fs.readFileSync(file, "utf8")) as {
    subgraphs?: Record<string, { routing_url?: string; schema?: { file?: string } }>;
  } | null; // null: an empty file
  if (!config?.subgraphs) throw new Error(`${file} : la clé "subgraphs" manque.`);
  return Object.entries(config.subgraphs).map(([name, entry]) => {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name))
      throw new Error(`${file} : nom de sous-graphe invalide « ${name} » (lettres et chiffres, initiale minuscule).`);
    if (!entry.routing_url) throw new Error(`${file} : routing_url manque pour « ${name} ».`);
    if (!entry.schema?.file) throw new Error(`${file} : schema.file manque pour « ${name} ».`);
    return { name, routingUrl: entry.routing_url, schemaFile: path.resolve(path.dirname(file), entry.schema.file) };
  });
}

/** The port of a routing URL that names one (`http://127.0.0.1:4003/graphql` → 4003), else null. */
export const portOfRoutingUrl = (routingUrl: string): number | null => Number(new URL(routingUrl).port) || null;

/**
 * A subgraph's default port: the one of its routing URL in the registry, when a registry is found
 * (schema/supergraph.yaml, or SCHEMA_DIR) and registers it; null otherwise (a partner's repository
 * that has no copy of the hub's registry).
 */
export function registeredPort(name: string, env: NodeJS.ProcessEnv = process.env): number | null {
  const file = registryFile(schemaDir(env));
  if (!fs.existsSync(file)) return null;
  const entry = readRegistry(file).find((s) => s.name === name);
  return entry ? portOfRoutingUrl(entry.routingUrl) : null;
}
