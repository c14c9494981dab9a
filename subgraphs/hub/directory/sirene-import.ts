import { DataSource, EntityManager, In } from "typeorm";
import { isValidSiret } from "../../domain/siret";
import { CsvError, normaliseColumn, readCsv } from "../../platform/import/csv";
import { chunks } from "../../platform/import/chunks";
import { ImportProblem } from "../../platform/import/report";
import { TEXT_LIMITS, textViolation } from "../../domain/rules/limits";
import { StructureDirectoryRow } from "./structure-directory.entity";

/**
 * An INSEE SIRENE extract in the published `StockEtablissement` format (comma, UTF-8, a header of
 * camelCase column names: siren, nic, siret, …, etatAdministratifEtablissement,
 * enseigne1Etablissement, …, denominationUsuelleEtablissement, …), optionally joined with the
 * unité légale's denominationUniteLegale (StockUniteLegale, on siren). Its names override the
 * recorded ones in the hub's structure directory.
 */
export const SIRENE_COLUMNS = {
  siret: "siret",
  siren: "siren",
  nic: "nic",
  state: "etatAdministratifEtablissement",
  usualName: "denominationUsuelleEtablissement",
  sign: "enseigne1Etablissement",
  legalName: "denominationUniteLegale",
} as const;
/** In that order: the establishment's usual name, its sign, then its legal unit's name. */
const NAME_COLUMNS = [SIRENE_COLUMNS.usualName, SIRENE_COLUMNS.sign, SIRENE_COLUMNS.legalName];
const REQUIRED = [SIRENE_COLUMNS.siret, SIRENE_COLUMNS.siren, SIRENE_COLUMNS.nic, SIRENE_COLUMNS.state];
/** SIRENE's mark of a value that is not public (statutDiffusionEtablissement = P). */
const NOT_DIFFUSED = "[ND]";

export interface SireneReport {
  file: string;
  organisation: string;
  rows: number;
  accepted: boolean;
  /** Official names written (new SIRETs and SIRETs the directory already had). */
  written: number;
  alreadyKnown: number;
  closed: number;
  /** Rows with no public name: nothing to override with. */
  withoutName: number;
  problems: ImportProblem[];
}

interface SireneRow {
  line: number;
  siret: string;
  name: string | null;
  state: string;
}

/** Reads and checks every row; the rows to write when none broke a rule. */
function readRows(content: Buffer | string, problems: ImportProblem[]): SireneRow[] {
  const csv = readCsv(content);
  const header = new Set(csv.header.map(normaliseColumn));
  for (const column of REQUIRED) {
    if (!header.has(normaliseColumn(column)))
      problems.push({
        line: 1,
        column,
        rule: "COLUMN_MISSING",
        message: `Colonne obligatoire du format StockEtablissement absente : « ${column} ».`,
      });
  }
  if (!NAME_COLUMNS.some((c) => header.has(normaliseColumn(c)))) {
    problems.push({
      line: 1,
      column: null,
      rule: "COLUMN_MISSING",
      message: `Aucune colonne de nom : ${NAME_COLUMNS.join(", ")} (au moins une).`,
    });
  }
  if (problems.length > 0) return [];
  if (csv.rows.length === 0)
    problems.push({ line: null, column: null, rule: "NO_ROWS", message: "Le fichier ne contient aucune ligne de données." });
  const rows: SireneRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of csv.rows) {
    const cell = (column: string) => (cells[normaliseColumn(column)] ?? "").trim();
    const [siret, siren, nic, state] = REQUIRED.map(cell);
    const problem = (column: string | null, rule: string, message: string) => problems.push({ line, column, rule, message });
    if (!isValidSiret(siret))
      problem(
        SIRENE_COLUMNS.siret,
        "SIRET_INVALID",
        `SIRET invalide « ${siret} » : 14 chiffres et clé de Luhn (règle particulière pour La Poste).`,
      );
    else if (siret !== `${siren}${nic}`)
      problem(SIRENE_COLUMNS.siret, "SIRET_SIREN_NIC", `Le SIRET « ${siret} » n'est pas le SIREN « ${siren} » suivi du NIC « ${nic} ».`);
    if (state !== "A" && state !== "F")
      problem(SIRENE_COLUMNS.state, "SIRENE_STATE", `État administratif « ${state} » : A (actif) ou F (fermé) attendu.`);
    const nameColumn = NAME_COLUMNS.find((c) => cell(c) !== "" && cell(c) !== NOT_DIFFUSED) ?? null;
    const name = nameColumn === null ? null : cell(nameColumn);
    // the rule of every structure name the hub stores: length in code points, no control character
    const violation = name === null ? null : textViolation(name, TEXT_LIMITS.name, "Le nom de l'établissement");
    if (violation) problem(nameColumn, violation.rule, violation.message);
    const first = firstLine.get(siret);
    if (first !== undefined) problem(SIRENE_COLUMNS.siret, "DUPLICATE_IN_FILE", `SIRET en double : déjà ligne ${first}.`);
    else firstLine.set(siret, line);
    rows.push({ line, siret, name, state });
  }
  return rows;
}

/** Writes the official names in one statement per chunk: new SIRETs are added, known ones get the official name. */
async function writeOfficialNames(m: EntityManager, rows: readonly SireneRow[], source: string): Promise<void> {
  const postgres = m.connection.options.type === "postgres";
  for (const chunk of chunks(rows)) {
    const params: unknown[] = [];
    const placeholder = (value: unknown) => {
      params.push(value);
      return postgres ? `$${params.length}` : "?";
    };
    const values = chunk.map((r) => `(${placeholder(r.siret)}, ${placeholder(r.name)}, ${placeholder(r.state)}, ${placeholder(source)})`);
    await m.query(
      `INSERT INTO structure_directory (siret, official_name, official_state, official_source) VALUES ${values.join(", ")}
       ON CONFLICT (siret) DO UPDATE SET official_name = excluded.official_name, official_state = excluded.official_state, official_source = excluded.official_source`,
      params,
    );
  }
}

/**
 * Imports a SIRENE extract into the hub's structure directory, all or nothing: one bad row and
 * nothing is written, the report lists every bad line with its rule. Rows without a public name
 * are skipped (nothing to override with). Only the national team imports it.
 */
export async function importSireneExtract(
  ds: DataSource,
  file: { name: string; content: Buffer | string },
  organisation: string,
): Promise<SireneReport> {
  const report: SireneReport = {
    file: file.name,
    organisation,
    rows: 0,
    accepted: false,
    written: 0,
    alreadyKnown: 0,
    closed: 0,
    withoutName: 0,
    problems: [],
  };
  let rows: SireneRow[];
  try {
    rows = readRows(file.content, report.problems);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    report.problems.push({ line: error.line, column: null, rule: error.rule, message: error.message });
    return report;
  }
  report.rows = rows.length;
  if (report.problems.length > 0) {
    report.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return report;
  }
  const named = rows.filter((r) => r.name !== null);
  await ds.transaction(async (m) => {
    for (const sirets of chunks(named.map((r) => r.siret)))
      report.alreadyKnown += await m.getRepository(StructureDirectoryRow).countBy({ siret: In(sirets) });
    await writeOfficialNames(m, named, `SIRENE ${file.name}`.slice(0, 200));
  });
  Object.assign(report, {
    accepted: true,
    written: named.length,
    withoutName: rows.length - named.length,
    closed: named.filter((r) => r.state === "F").length,
  });
  return report;
}

/** The report in French, as the CLI prints it. */
export function formatSireneReport(report: SireneReport): string {
  const lines = [`Import SIRENE « ${report.file} » par ${report.organisation} : ${report.rows} ligne(s) lue(s).`];
  if (report.accepted) {
    lines.push(
      `Accepté : ${report.written} nom(s) officiel(s) dans l'annuaire des structures (${report.alreadyKnown} SIRET déjà connu(s), ${report.closed} établissement(s) fermé(s)) ; ${report.withoutName} ligne(s) sans nom public ignorée(s).`,
    );
  } else {
    lines.push(`Refusé : rien n'a été enregistré. ${report.problems.length} règle(s) non respectée(s) :`);
    for (const p of report.problems) {
      const where = [p.line === null ? "fichier" : `ligne ${p.line}`, p.column ? `colonne « ${p.column} »` : null]
        .filter(Boolean)
        .join(", ");
      lines.push(`  ${where} : ${p.message} [${p.rule}]`);
    }
  }
  return `${lines.join("\n")}\n`;
}
