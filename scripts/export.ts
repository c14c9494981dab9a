/**
 * `npm run export -- …`: the CSV exports from the command line, read through a running gateway
 * (`npm start`), as the HTTP routes /exports/… serve them.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { REGIONS, DEPARTMENTS } from "../subgraphs/domain/reference/cog";
import { ExportError, gatewayClient } from "../gateway/exports/gateway-client";
import {
  ExportFile,
  exportFunderScdl,
  exportNationalLaureates,
  fictitiousSiretWarning,
  parseFunderKind,
  parseYear,
} from "../gateway/exports/exports";
import { FUNDER_KINDS } from "../gateway/exports/grantors";

export const USAGE = `Exports CSV du hub des 1000 premiers jours (lus dans le graphe par la passerelle).

  npm run export -- scdl --financeur ars|dreets|caf --territoire <code INSEE> [--annee 2021] [--sortie fichier.csv]
      les subventions d'un financeur au format SCDL « subventions » 2.1.1
      (ars, dreets : code de région, par exemple 52 ; caf : code de département, par exemple 44)
  npm run export -- scdl --tous --dossier <dossier> [--annee 2021]
      un fichier SCDL par financeur ayant au moins une subvention
  npm run export -- laureats --annee 2021 [--sortie fichier.csv]
      la liste nationale des lauréats d'une année

  --passerelle <url>   l'adresse GraphQL de la passerelle (défaut : GATEWAY_URL, sinon
                       http://127.0.0.1:<GATEWAY_PORT ou 4000>/graphql)
Sans --sortie, le fichier est écrit sur la sortie standard.
`;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}
const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

const defaultGateway = (env: NodeJS.ProcessEnv) => env.GATEWAY_URL || `http://127.0.0.1:${env.GATEWAY_PORT || 4000}/graphql`;

export async function runExport(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        financeur: { type: "string" },
        territoire: { type: "string" },
        annee: { type: "string" },
        sortie: { type: "string" },
        tous: { type: "boolean" },
        dossier: { type: "string" },
        passerelle: { type: "string" },
        aide: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.aide || !command) {
    io.stderr(USAGE);
    return values.aide ? 0 : 2;
  }
  const client = gatewayClient(values.passerelle || defaultGateway(env));
  const write = (file: ExportFile, target?: string) => {
    if (file.grantor?.fictitious) io.stderr(`${fictitiousSiretWarning(file.grantor)}\n`);
    if (target) {
      fs.writeFileSync(target, file.csv);
      io.stderr(`${target} : ${file.rows} ligne(s)\n`);
    } else {
      io.stdout(file.csv);
    }
  };
  try {
    if (command === "laureats") {
      write(await exportNationalLaureates(client, parseYear(values.annee, true) as number), values.sortie);
      return 0;
    }
    if (command === "scdl" && values.tous) {
      if (!values.dossier) throw new ExportError("--tous demande --dossier <dossier>.", 2);
      const year = parseYear(values.annee, false);
      fs.mkdirSync(values.dossier, { recursive: true });
      let files = 0;
      for (const kind of FUNDER_KINDS) {
        for (const territory of (kind === "caf" ? DEPARTMENTS : REGIONS).map((t) => t.code)) {
          const file = await exportFunderScdl(client, kind, territory, year);
          if (file.rows === 0) continue;
          write(file, path.join(values.dossier, file.fileName));
          files++;
        }
      }
      io.stderr(`${files} fichier(s) SCDL écrit(s) dans ${values.dossier}\n`);
      return 0;
    }
    if (command === "scdl") {
      if (!values.territoire) throw new ExportError("--territoire <code INSEE> est obligatoire.", 2);
      write(
        await exportFunderScdl(client, parseFunderKind(values.financeur), values.territoire, parseYear(values.annee, false)),
        values.sortie,
      );
      return 0;
    }
    io.stderr(`Commande inconnue : ${command}\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    io.stderr(`Export impossible : ${error.message}\n`);
    return error.status === 2 || (error.status >= 400 && error.status < 500) ? 2 : 1;
  }
}

if (require.main === module) {
  runExport(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error("[export] erreur inattendue :", error);
      process.exitCode = 1;
    },
  );
}
