/** The import CLI's command line: its usage, the kinds of import, and what a call asks for, checked before anything is read. */
import fs from "node:fs";
import { parseArgs } from "node:util";

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

export const IMPORT_KINDS = ["laureats", "subventions", "credits", "sirene"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A call refused before anything is written: its French message and exit code (2 usage, 3 token or organisation). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

/** What a call asks for: which import, of which file, with whose token (and, for laureates, which call). */
export interface ImportRequest {
  kind: ImportKind;
  file: string;
  token: string;
  callId?: string;
}

/** The command line read and checked: "help" for `--aide`, else the request; UsageError when it is not one. */
export function parseImportArguments(argv: string[], env: NodeJS.ProcessEnv): ImportRequest | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { appel: { type: "string" }, jeton: { type: "string" }, aide: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.aide) return "help";
  const [kind, file] = positionals;
  if (!IMPORT_KINDS.includes(kind as ImportKind) || !file || positionals.length > 2)
    throw new UsageError(`Commande attendue : ${IMPORT_KINDS.join(", ")}, suivie du fichier CSV.`);
  if (!fs.existsSync(file)) throw new UsageError(`Fichier introuvable : ${file}`);
  const token = values.jeton || env.HUB_TOKEN;
  if (!token)
    throw new UsageError("Jeton requis : --jeton <jeton> ou HUB_TOKEN (en installation embarquée : npm run token -- <organisation>).", 3);
  return { kind: kind as ImportKind, file, token, callId: values.appel };
}
