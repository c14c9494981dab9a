/**
 * `npm run schema:check -- <name> <schema file or URL>`: checks a candidate subgraph against the
 * hub before it is registered (gateway/schema-check.ts). Exit code 0 when it can be registered,
 * 1 when the check refuses it, 2 when the check could not run (arguments, file, URL).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  checkSubgraphSchema,
  defaultContractFile,
  fetchSubgraphSdl,
  formatSchemaCheckReport,
  SdlFetchError,
} from "../gateway/schema-check";

export const USAGE = `Vérifie le schéma d'un sous-graphe avant son enregistrement dans le hub des 1000 premiers jours.

  npm run schema:check -- <nom> <fichier SDL ou URL>

  <nom>       le nom du sous-graphe dans schema/supergraph.yaml (s'il y est déjà, le candidat le remplace)
  <fichier>   son SDL de fédération (.graphql)
  <URL>       l'adresse GraphQL du sous-graphe qui tourne : son SDL est lu par { _service { sdl } } ;
              si le sous-graphe exige la signature de la passerelle, donnez le secret dans HUB_HMAC_SECRET

Vérifie que le candidat compose avec les sous-graphes enregistrés, qu'il ne casse pas le graphe public
servi aujourd'hui et que chaque opération du contrat (CONTRACT_FILE, défaut
../shared/contract/operations.graphql) reste valide. Code de sortie : 0 si tout va bien,
1 si la vérification refuse le candidat, 2 si elle n'a pas pu être faite.
`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export async function runSchemaCheck(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { aide: { type: "boolean", short: "h" } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.aide) {
    io.stdout(USAGE);
    return 0;
  }
  const [name, source] = parsed.positionals;
  if (!name || !source || parsed.positionals.length > 2) {
    io.stderr(USAGE);
    return 2;
  }
  if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) {
    io.stderr(`Nom de sous-graphe invalide « ${name} » : lettres et chiffres, initiale minuscule (par exemple departements).\n`);
    return 2;
  }
  const contractFile = defaultContractFile(env);
  if (!fs.existsSync(contractFile)) {
    io.stderr(`Contrat introuvable : ${contractFile} (donnez son chemin dans CONTRACT_FILE).\n`);
    return 2;
  }
  let sdl: string;
  const isUrl = /^https?:\/\//.test(source);
  try {
    sdl = isUrl
      ? await fetchSubgraphSdl(source, { hmacSecret: env.HUB_HMAC_SECRET || undefined })
      : fs.readFileSync(path.resolve(env.INIT_CWD || process.cwd(), source), "utf8");
  } catch (error) {
    if (error instanceof SdlFetchError) io.stderr(`${error.message}\n`);
    else io.stderr(`Fichier illisible : ${source} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n`);
    return 2;
  }
  const report = await checkSubgraphSchema({
    name,
    sdl,
    routingUrl: isUrl ? source : undefined,
    contract: fs.readFileSync(contractFile, "utf8"),
  });
  (report.ok ? io.stdout : io.stderr)(formatSchemaCheckReport(report));
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  runSchemaCheck(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error("La vérification a échoué :", error);
      process.exit(2);
    },
  );
}
