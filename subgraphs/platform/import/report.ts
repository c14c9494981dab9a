import { Cents, centsToEuros } from "../../domain/money";
import { WriteChanges } from "../cache/write-changes";

/** One broken rule of an import: the file's line (null for the whole file), column, rule code, French message. */
export interface ImportProblem {
  line: number | null;
  column: string | null;
  rule: string;
  message: string;
}

export interface ImportReport {
  kind: string;
  file: string;
  organisation: string;
  /** Data rows read from the file. */
  rows: number;
  /** Rows written: all of them, or none. */
  written: number;
  accepted: boolean;
  problems: ImportProblem[];
  totalCents: Cents;
  totalsByYear: Record<string, Cents>;
  /** Accepted: what the written rows changed, for the gateway's response cache. */
  changes?: WriteChanges;
}

const euros = (cents: Cents) => `${centsToEuros(cents).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

/** The report in French, one line per broken rule, as the CLI prints it. */
export function formatReport(report: ImportReport): string {
  const lines = [`Import ${report.kind} « ${report.file} » par ${report.organisation} : ${report.rows} ligne(s) lue(s).`];
  if (report.accepted) {
    lines.push(`Accepté : ${report.written} ligne(s) enregistrée(s), total ${euros(report.totalCents)}.`);
    for (const [year, cents] of Object.entries(report.totalsByYear)) lines.push(`  ${year} : ${euros(cents)}`);
  } else {
    const badLines = new Set(report.problems.map((p) => p.line).filter((l) => l !== null)).size;
    lines.push(
      `Refusé : rien n'a été enregistré. ${report.problems.length} règle(s) non respectée(s)${badLines ? ` sur ${badLines} ligne(s)` : ""} :`,
    );
    for (const p of report.problems) {
      const where = [p.line === null ? "fichier" : `ligne ${p.line}`, p.column ? `colonne « ${p.column} »` : null]
        .filter(Boolean)
        .join(", ");
      lines.push(`  ${where} : ${p.message} [${p.rule}]`);
    }
  }
  return `${lines.join("\n")}\n`;
}
