/**
 * `npm run subgraph:new -- <name> [--source OTHER] [--org cd] [--funder "…"] [--port 4006] [--root <dir>]`:
 * scaffolds a working funder subgraph (scripts/scaffold/) and registers it. Exit code 0 when written,
 * 2 when refused (nothing written).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { nextSteps, scaffoldSubgraph, ScaffoldError } from "./scaffold/scaffold";
import { ORGANISATION_KINDS } from "./scaffold/names";

export const USAGE = `Crée un sous-graphe financeur prêt à composer avec le hub des 1000 premiers jours.

  npm run subgraph:new -- <nom> [options]

  <nom>              lettres minuscules et chiffres, une lettre d'abord (ex. collectivites)
  --source <SOURCE>  source de ses lignes dans les financements croisés (FundingSource ; défaut OTHER)
  --org <type>       qui écrit : ${ORGANISATION_KINDS.join(", ")} (défaut cd, c'est-à-dire cd:<département>)
  --funder <libellé> nom du financeur dans les financements croisés, suivi du territoire
  --port <port>      port local (défaut : le premier libre au-dessus de 4000 dans schema/supergraph.yaml)
  --root <dossier>   racine du dépôt où écrire (défaut : le dossier courant)
`;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}
const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** `cwd` is the repository root (npm runs scripts there); a relative --root is read from where npm was called. */
export function runSubgraphNew(argv: string[], io: Io = processIo, cwd = process.cwd(), callerDir = process.env.INIT_CWD || cwd): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: "string" },
        org: { type: "string" },
        funder: { type: "string" },
        port: { type: "string" },
        root: { type: "string" },
        aide: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.aide) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(USAGE);
    return 2;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1024 || port > 65535)) {
    io.stderr(`--port : un entier entre 1024 et 65535, reçu ${values.port}.\n`);
    return 2;
  }
  try {
    const { names, files } = scaffoldSubgraph({
      root: values.root ? path.resolve(callerDir, values.root) : cwd,
      name: positionals[0],
      source: values.source,
      org: values.org,
      funder: values.funder,
      port,
    });
    io.stdout(`${files.map((f) => `  écrit  ${f}`).join("\n")}\n\n${nextSteps(names)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
}

if (require.main === module) process.exit(runSubgraphNew(process.argv.slice(2)));
