import crypto from "node:crypto";
import stableStringify from "fast-json-stable-stringify";
import { Actor } from "../auth/organisation";
import { readRegistry, registryFile, schemaDir } from "../federation/registry";
import { ConfigError } from "../config";
import { Violations } from "../../domain/rules/violations";

export interface StructureName {
  siret: string;
  name: string;
}

/** Where the hub's directory listens and the secret that signs calls to it (the gateway's). */
export interface DirectoryConfig {
  url: string;
  hmacSecret: string;
  timeoutMs?: number;
}

const RECORD = "mutation RecordStructureNames($names: [StructureNameInput!]!) { recordStructureNames(names: $names) }";
const DEFAULT_TIMEOUT_MS = 10_000;
const NAMES_PER_CALL = 1_000;
const CONNECTION_ATTEMPTS = 2;

export const DIRECTORY_UNAVAILABLE_MESSAGE =
  "L'annuaire des structures du hub ne répond pas : l'écriture est refusée et rien n'est enregistré. Réessayez dans quelques minutes.";

/** What a funder's writes tell the hub: the SIRETs they record and the name given to each. */
export interface StructureDirectory {
  record(actor: Actor, names: readonly StructureName[]): Promise<void>;
}

/** The hub's URL for a funder subgraph: SUBGRAPH_URL_HUB (as the gateway reads it), else the registry's routing URL. */
export function readDirectoryUrl(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.SUBGRAPH_URL_HUB?.trim();
  if (fromEnv && !/^https?:\/\//.test(fromEnv)) throw new ConfigError(`SUBGRAPH_URL_HUB doit être une URL http(s), reçu : ${fromEnv}`);
  if (fromEnv) return fromEnv;
  const hub = readRegistry(registryFile(schemaDir(env))).find((s) => s.name === "hub");
  if (!hub) throw new Error("Le registre des sous-graphes ne déclare pas le hub (SUBGRAPH_URL_HUB absent).");
  return hub.routingUrl;
}

/**
 * The hub's structure directory as one server (a funder subgraph, the import CLI) reaches it, built
 * once from that server's configuration: two hubs in one process (tests) each keep their own.
 *
 * `record` tells the directory the SIRETs a write records, within the write's transaction and
 * before it commits: a write is acknowledged only once the directory knows its SIRETs, so the next
 * read through the gateway shows their name. Hub down, slow or refusing: the write is refused
 * (French message, rule STRUCTURE_DIRECTORY_UNAVAILABLE) and the transaction rolls back. The hub
 * keeps the first name it got: a SIRET already known keeps its name.
 */
export function createStructureDirectory(config: DirectoryConfig): StructureDirectory {
  return {
    async record(actor, names) {
      // an import's thousands of SIRETs in requests well under a subgraph's body limit (1 MB)
      for (let i = 0; i < names.length; i += NAMES_PER_CALL) await recordBatch(config, actor, names.slice(i, i + NAMES_PER_CALL));
    },
  };
}

/**
 * A server started without the hub's URL (the hub itself, a funder misconfigured): a write that
 * records a SIRET there is a programming error, not the hub being down.
 */
export const NO_STRUCTURE_DIRECTORY: StructureDirectory = {
  record: () => Promise.reject(new Error("Annuaire des structures non configuré : ce serveur a démarré sans l'URL du hub (directoryUrl).")),
};

async function recordBatch(config: DirectoryConfig, actor: Actor, names: readonly StructureName[]): Promise<void> {
  const variables = { names: names.map(({ siret, name }) => ({ siret, name: name.trim() })) };
  const signature = crypto
    .createHmac("sha256", config.hmacSecret)
    .update(stableStringify({ query: RECORD, variables }))
    .digest("base64");
  // the writer's own token, as the gateway forwards it: the hub records names for a verified organisation only
  const body = JSON.stringify({ query: RECORD, variables, extensions: { "hmac-signature": signature, jwt: { token: actor.token } } });
  let ok = false;
  for (let attempt = 1; attempt <= CONNECTION_ATTEMPTS && !ok; attempt++) {
    try {
      const response = await fetch(config.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      const answer = (await response.json()) as { data?: { recordStructureNames?: boolean }; errors?: unknown[] };
      ok = response.ok && answer.data?.recordStructureNames === true && !answer.errors?.length;
      if (!ok)
        console.error(
          JSON.stringify({ level: "error", msg: "structure directory refused", status: response.status, errors: answer.errors }),
        );
      break;
    } catch (error) {
      // fetch's TypeError carries the network error (ECONNREFUSED…) as its cause
      console.error(
        JSON.stringify({
          level: "error",
          msg: "structure directory unreachable",
          attempt,
          error: String(error),
          cause: String((error as { cause?: Error }).cause ?? ""),
        }),
      );
      // A connection closed under the request (a kept-alive socket the hub had just closed) is worth
      // one more try: recording names is idempotent (the first name stays). A timeout is not retried.
      // (by name: fetch's TypeError may come from another realm, e.g. under jest)
      if ((error as Error).name !== "TypeError") break;
    }
  }
  if (!ok) new Violations().add("siret", "STRUCTURE_DIRECTORY_UNAVAILABLE", DIRECTORY_UNAVAILABLE_MESSAGE).throwIfAny();
}
