/**
 * The run of one import, once the command line is checked: the subgraph's token verification
 * settings, which subgraph's database and which import the token's organisation gets, the file
 * imported all or nothing (telling the hub's structure directory its SIRETs), then the report.
 */
import fs from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { DatabaseConfig } from "../../subgraphs/platform/config";
import { AuthConfig, localAuthEnv, readAuthConfig } from "../../subgraphs/platform/auth/config";
import { Actor } from "../../subgraphs/platform/auth/organisation";
import { SubgraphModule } from "../../subgraphs/platform/server/subgraph-module";
import { ImportDefinition, runImport } from "../../subgraphs/platform/import/run";
import { createStructureDirectory, readDirectoryUrl } from "../../subgraphs/platform/directory/client";
import { formatReport, ImportReport } from "../../subgraphs/platform/import/report";
import { cafSubgraph } from "../../subgraphs/caf";
import { cafGrantImport } from "../../subgraphs/caf/import";
import { departementsSubgraph } from "../../subgraphs/departements";
import { departmentalCreditImport } from "../../subgraphs/departements/import";
import { arsSubgraph } from "../../subgraphs/ars";
import { dreetsSubgraph } from "../../subgraphs/dreets";
import { hubSubgraph } from "../../subgraphs/hub";
import { formatSireneReport, importSireneExtract } from "../../subgraphs/hub/directory/sirene-import";
import { laureateImport } from "../../subgraphs/regional-call/import";
import { HEALTH_SIDE } from "../../subgraphs/ars/side";
import { SOCIAL_SIDE } from "../../subgraphs/dreets/side";
import { SharedCacheSettings } from "../../gateway/response-cache";
import { ImportKind, ImportRequest, UsageError } from "./arguments";
import { ImportIo, printReport, progressBar } from "./report";

/** What every run reads from its environment before anything is written. */
export interface ImportSettings {
  env: NodeJS.ProcessEnv;
  database: DatabaseConfig;
  auth: AuthConfig;
  sharedCache: SharedCacheSettings;
}

/**
 * The subgraph's authentication settings: its environment (AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL,
 * HUB_HMAC_SECRET), or else the embedded set-up's keys under DATA_DIR/keys, which must exist.
 */
export function importAuthConfig(env: NodeJS.ProcessEnv, dataDir: string): AuthConfig {
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

/** Which subgraph's database and which import: from the command and the token's organisation. */
function target(
  kind: Exclude<ImportKind, "sirene">,
  actor: Actor,
  callId: string | undefined,
): { module: SubgraphModule; definition: (ds: DataSource) => ImportDefinition<unknown> } {
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

/** A partner's file into its own subgraph's database: laureates, CAF grants or departmental credits. */
export async function importFunderFile(
  request: ImportRequest & { kind: Exclude<ImportKind, "sirene"> },
  actor: Actor,
  settings: ImportSettings,
  io: ImportIo,
): Promise<{ code: number; report: ImportReport }> {
  const { module, definition } = target(request.kind, actor, request.callId);
  // the import tells the hub's structure directory the file's SIRETs, as the subgraph's writes do
  const directory = createStructureDirectory({ url: readDirectoryUrl(settings.env), hmacSecret: settings.auth.hmacSecret });
  const db = await module.openDatabase(settings.database);
  const progress = progressBar(io);
  try {
    const report = await runImport(
      db.dataSource,
      directory,
      definition(db.dataSource),
      { name: path.basename(request.file), content: fs.readFileSync(request.file) },
      actor,
      progress.onProgress,
    );
    progress.stop();
    await printReport(io, { accepted: report.accepted, text: formatReport(report), changes: report.changes ?? null }, settings.sharedCache);
    return { code: report.accepted ? 0 : 1, report };
  } finally {
    progress.stop();
    await db.dataSource.destroy();
  }
}

/** The SIRENE extract into the hub's structure directory (the hub's database): national team only. */
export async function importSirene(file: string, actor: Actor, settings: ImportSettings, io: ImportIo): Promise<{ code: number }> {
  if (actor.organisation.kind !== "national")
    throw new UsageError(`Seule l'équipe nationale (national) importe le répertoire SIRENE (jeton : ${actor.organisation.id}).`, 3);
  const db = await hubSubgraph().openDatabase(settings.database);
  try {
    const report = await importSireneExtract(
      db.dataSource,
      { name: path.basename(file), content: fs.readFileSync(file) },
      actor.organisation.id,
    );
    // SIRENE names replace the funders' ones in every answer that lists those structures
    await printReport(
      io,
      { accepted: report.accepted, text: formatSireneReport(report), changes: { everything: true } },
      settings.sharedCache,
    );
    return { code: report.accepted ? 0 : 1 };
  } finally {
    await db.dataSource.destroy();
  }
}
