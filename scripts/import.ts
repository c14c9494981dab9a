/**
 * `npm run import -- <laureats|subventions|credits> <fichier.csv> [--appel <id>] --jeton <jeton>`:
 * a partner imports a CSV file into its own subgraph's database, on its subgraph server (same
 * DATABASE_URL / DATA_DIR and authentication settings as the subgraph). The organisation is the
 * token's, verified as the subgraphs verify it; the CLI signs nothing but the call that tells the
 * hub's structure directory the file's SIRETs. `sirene`: the national team imports an INSEE
 * SIRENE extract into the hub's structure directory, on the hub's server.
 */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { ConfigError, DatabaseConfig, readDatabaseConfig } from "../subgraphs/platform/config";
import { AuthConfig, localAuthEnv, readAuthConfig } from "../subgraphs/platform/auth/config";
import { createTokenVerifier } from "../subgraphs/platform/auth/tokens";
import { Actor } from "../subgraphs/platform/auth/organisation";
import { SubgraphModule } from "../subgraphs/platform/server/subgraph-module";
import { ImportDefinition, ImportProgress, runImport } from "../subgraphs/platform/import/run";
import { createStructureDirectory, readDirectoryUrl } from "../subgraphs/platform/directory/client";
import { formatReport, ImportReport } from "../subgraphs/platform/import/report";
import { cafSubgraph } from "../subgraphs/caf";
import { cafGrantImport } from "../subgraphs/caf/import";
import { departementsSubgraph } from "../subgraphs/departements";
import { departmentalCreditImport } from "../subgraphs/departements/import";
import { arsSubgraph } from "../subgraphs/ars";
import { dreetsSubgraph } from "../subgraphs/dreets";
import { hubSubgraph } from "../subgraphs/hub";
import { formatSireneReport, importSireneExtract } from "../subgraphs/hub/directory/sirene-import";
import { laureateImport } from "../subgraphs/regional-call/import";
import { HEALTH_SIDE } from "../subgraphs/ars/side";
import { SOCIAL_SIDE } from "../subgraphs/dreets/side";
import { DEFAULT_RESPONSE_CACHE, invalidateSharedCache, SharedCacheSettings } from "../gateway/response-cache";
import { readResponseCache } from "../gateway/config";

export const USAGE = `Import CSV dans la base de votre sous-graphe (tout ou rien).

  npm run import -- laureats <fichier.csv> --appel <identifiant> --jeton <jeton>   (ars:<région> ou dreets:<région>)
  npm run import -- subventions <fichier.csv> --jeton <jeton>                      (caf:<département>)
  npm run import -- credits <fichier.csv> --jeton <jeton>                          (cd:<département>)
  npm run import -- sirene <StockEtablissement.csv> --jeton <jeton>                (national, sur le serveur du hub)

Le jeton (ou la variable HUB_TOKEN) désigne l'organisation : en installation embarquée,
« npm run token -- caf:44 ». Fichier : virgule ou point-virgule, UTF-8 avec ou sans BOM, dates
JJ/MM/AAAA ou AAAA-MM-JJ, montants « 1 234,56 » ou « 1234.56 ». SIRENE : un extrait du fichier
StockEtablissement de l'INSEE (colonnes siret, siren, nic, etatAdministratifEtablissement et
denominationUsuelleEtablissement, enseigne1Etablissement ou denominationUniteLegale), dont les noms
remplacent, dans l'annuaire des structures du hub, ceux des financeurs. Une ligne en erreur et rien
n'est enregistré : le rapport donne chaque ligne et la règle. Code de sortie : 0 accepté,
1 refusé, 2 usage, 3 jeton refusé.
`;

/** What the gateway's public answers do after an import (gateway/response-cache.ts). */
const DEFAULT_TTL = `${DEFAULT_RESPONSE_CACHE.ttlMs / 1000} s par défaut`;
const CACHE_OUTCOME = {
  invalidated: "Cache des réponses de la passerelle invalidé : les tableaux de bord montrent ces lignes dès maintenant.",
  "not-shared": `Les tableaux de bord montreront ces lignes dès l'expiration du cache des réponses de la passerelle (${DEFAULT_TTL} ; immédiatement si RESPONSE_CACHE_REDIS_URL désigne le Redis de la passerelle).`,
  unreachable: `Redis du cache des réponses injoignable (RESPONSE_CACHE_REDIS_URL) : les tableaux de bord montreront ces lignes dès l'expiration du cache (${DEFAULT_TTL}).`,
} as const;

export interface ImportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}
const processIo: ImportIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: "isTTY" in process.stdout && process.stdout.isTTY,
}; // absent when piped, whatever its type says

export const IMPORT_KINDS = ["laureats", "subventions", "credits", "sirene"] as const;
type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * The subgraph's authentication settings: its environment (AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL,
 * HUB_HMAC_SECRET), or else the embedded set-up's keys under DATA_DIR/keys, which must exist.
 */
function importAuthConfig(env: NodeJS.ProcessEnv, dataDir: string): AuthConfig {
  if (env.AUTH_PUBLIC_KEY_FILE || env.AUTH_JWKS_URL) return readAuthConfig(env);
  const keys = path.join(dataDir, "keys");
  const publicKeyFile = path.join(keys, "jwt-public.pem");
  const hmacFile = path.join(keys, "hmac.secret");
  if (!fs.existsSync(publicKeyFile) || !fs.existsSync(hmacFile)) {
    throw new UsageError(
      `Aucune clé de vérification des jetons : réglez AUTH_PUBLIC_KEY_FILE (ou AUTH_JWKS_URL) comme pour le sous-graphe, ou démarrez l'installation embarquée (npm start) qui crée ${keys}.`,
      3,
    );
  }
  return readAuthConfig({
    ...env,
    ...localAuthEnv({ publicKeyFile, privateKeyFile: "", hmacSecret: fs.readFileSync(hmacFile, "utf8").trim() }),
  });
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

/** Which subgraph's database and which import: from the command and the token's organisation. */
function target(
  kind: Exclude<ImportKind, "sirene">,
  actor: Actor,
  callId: string | undefined,
): { module: SubgraphModule; definition: (ds: import("typeorm").DataSource) => ImportDefinition<unknown> } {
  const org = actor.organisation;
  if (kind === "subventions") {
    if (org.kind !== "caf") throw new UsageError(`Seule une CAF (caf:<département>) importe des subventions (jeton : ${org.id}).`, 3);
    return { module: cafSubgraph, definition: () => cafGrantImport(actor) };
  }
  if (kind === "credits") {
    if (org.kind !== "cd")
      throw new UsageError(`Seul un conseil départemental (cd:<département>) importe des crédits (jeton : ${org.id}).`, 3);
    return { module: departementsSubgraph, definition: () => departmentalCreditImport(actor) };
  }
  if (org.kind !== "ars" && org.kind !== "dreets")
    throw new UsageError(
      `Seule une ARS ou une DREETS (ars:<région>, dreets:<région>) importe les lauréats de ses appels (jeton : ${org.id}).`,
      3,
    );
  if (!callId) throw new UsageError("laureats demande --appel <identifiant de l'appel à projets>.");
  const side = org.kind === "ars" ? HEALTH_SIDE : SOCIAL_SIDE;
  return { module: org.kind === "ars" ? arsSubgraph : dreetsSubgraph, definition: (ds) => laureateImport(ds, side, callId, actor) };
}

/** A progress bar on a terminal (large files), nothing otherwise. */
function progressBar(io: ImportIo): { onProgress: ImportProgress; stop(): void } {
  if (!io.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: "{phase} [{bar}] {value}/{total} lignes", hideCursor: true, clearOnComplete: true });
  let phase: string | null = null;
  return {
    onProgress(next, done, total) {
      if (phase === null) bar.start(total, 0, { phase: next });
      else if (phase !== next) bar.setTotal(total);
      phase = next;
      bar.update(done, { phase: next });
    },
    stop: () => {
      if (phase !== null) bar.stop();
      phase = null;
    },
  };
}

export async function runImportCli(
  argv: string[],
  io: ImportIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; report?: ImportReport }> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { appel: { type: "string" }, jeton: { type: "string" }, aide: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return { code: 2 };
  }
  const { values, positionals } = parsed;
  if (values.aide) {
    io.stdout(USAGE);
    return { code: 0 };
  }
  const [kind, file] = positionals;
  try {
    if (!IMPORT_KINDS.includes(kind as ImportKind) || !file || positionals.length > 2)
      throw new UsageError(`Commande attendue : ${IMPORT_KINDS.join(", ")}, suivie du fichier CSV.`);
    if (!fs.existsSync(file)) throw new UsageError(`Fichier introuvable : ${file}`);
    const token = values.jeton || env.HUB_TOKEN;
    if (!token)
      throw new UsageError("Jeton requis : --jeton <jeton> ou HUB_TOKEN (en installation embarquée : npm run token -- <organisation>).", 3);
    const database = readDatabaseConfig(env);
    // read before anything is written: a wrong RESPONSE_CACHE_* stops the import, not its end
    const sharedCache = readResponseCache(env);
    const authConfig = importAuthConfig(env, database.dataDir);
    const actor = await createTokenVerifier(authConfig)(token);
    if (!actor) throw new UsageError("Jeton refusé : signature, émetteur, audience ou date d'expiration invalide.", 3);
    if (kind === "sirene") return await importSirene(file, actor, database, io, sharedCache);
    const { module, definition } = target(kind as Exclude<ImportKind, "sirene">, actor, values.appel);
    // the import tells the hub's structure directory the file's SIRETs, as the subgraph's writes do
    const directory = createStructureDirectory({ url: readDirectoryUrl(env), hmacSecret: authConfig.hmacSecret });
    const db = await module.openDatabase(database);
    const progress = progressBar(io);
    try {
      const report = await runImport(
        db.dataSource,
        directory,
        definition(db.dataSource),
        { name: path.basename(file), content: fs.readFileSync(file) },
        actor,
        progress.onProgress,
      );
      progress.stop();
      (report.accepted ? io.stdout : io.stderr)(formatReport(report));
      if (report.accepted) io.stdout(`${CACHE_OUTCOME[await invalidateSharedCache(report.changes ?? null, sharedCache)]}\n`);
      return { code: report.accepted ? 0 : 1, report };
    } finally {
      progress.stop();
      await db.dataSource.destroy();
    }
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof ConfigError)) throw error;
    io.stderr(`${error.message}\n${error instanceof UsageError && error.code === 2 ? `\n${USAGE}` : ""}`);
    return { code: error instanceof UsageError ? error.code : 2 };
  }
}

/** The SIRENE extract into the hub's structure directory (the hub's database): national team only. */
async function importSirene(
  file: string,
  actor: Actor,
  database: DatabaseConfig,
  io: ImportIo,
  sharedCache: SharedCacheSettings,
): Promise<{ code: number }> {
  if (actor.organisation.kind !== "national")
    throw new UsageError(`Seule l'équipe nationale (national) importe le répertoire SIRENE (jeton : ${actor.organisation.id}).`, 3);
  const db = await hubSubgraph().openDatabase(database);
  try {
    const report = await importSireneExtract(
      db.dataSource,
      { name: path.basename(file), content: fs.readFileSync(file) },
      actor.organisation.id,
    );
    (report.accepted ? io.stdout : io.stderr)(formatSireneReport(report));
    // SIRENE names replace the funders' ones in every answer that lists those structures
    if (report.accepted) io.stdout(`${CACHE_OUTCOME[await invalidateSharedCache({ everything: true }, sharedCache)]}\n`);
    return { code: report.accepted ? 0 : 1 };
  } finally {
    await db.dataSource.destroy();
  }
}

if (require.main === module) {
  runImportCli(process.argv.slice(2)).then(
    ({ code }) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error("[import] erreur inattendue :", error);
      process.exitCode = 1;
    },
  );
}
