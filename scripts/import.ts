/**
 * `npm run import -- <laureats|subventions|credits> <fichier.csv> [--appel <id>] --jeton <jeton>`:
 * a partner imports a CSV file into its own subgraph's database, on its subgraph server (same
 * DATABASE_URL / DATA_DIR and authentication settings as the subgraph). The organisation is the
 * token's, verified as the subgraphs verify it; the CLI signs nothing but the call that tells the
 * hub's structure directory the file's SIRETs. `sirene`: the national team imports an INSEE
 * SIRENE extract into the hub's structure directory, on the hub's server.
 * The command line: import-cli/arguments.ts; the run: import-cli/run.ts; the report: import-cli/report.ts.
 */
import "reflect-metadata";
import { ConfigError, readDatabaseConfig } from "../subgraphs/platform/config";
import { createTokenVerifier } from "../subgraphs/platform/auth/tokens";
import { ImportReport } from "../subgraphs/platform/import/report";
import { readResponseCache } from "../gateway/config";
import { parseImportArguments, UsageError, USAGE } from "./import-cli/arguments";
import { importAuthConfig, importFunderFile, importSirene } from "./import-cli/run";
import { ImportIo, processIo } from "./import-cli/report";

export type { ImportIo } from "./import-cli/report";

export async function runImportCli(
  argv: string[],
  io: ImportIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; report?: ImportReport }> {
  try {
    const request = parseImportArguments(argv, env);
    if (request === "help") {
      io.stdout(USAGE);
      return { code: 0 };
    }
    const database = readDatabaseConfig(env);
    // read before anything is written: a wrong RESPONSE_CACHE_* stops the import, not its end
    const sharedCache = readResponseCache(env);
    const auth = importAuthConfig(env, database.dataDir);
    const actor = await createTokenVerifier(auth)(request.token);
    if (!actor) throw new UsageError("Jeton refusé : signature, émetteur, audience ou date d'expiration invalide.", 3);
    const settings = { env, database, auth, sharedCache };
    if (request.kind === "sirene") return await importSirene(request.file, actor, settings, io);
    return await importFunderFile({ ...request, kind: request.kind }, actor, settings, io);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof ConfigError)) throw error;
    io.stderr(`${error.message}\n${error instanceof UsageError && error.code === 2 ? `\n${USAGE}` : ""}`);
    return { code: error instanceof UsageError ? error.code : 2 };
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
