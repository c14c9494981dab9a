import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { GraphQLError } from "graphql";
import { Actor } from "../auth/organisation";
import { Cents } from "../../domain/money";
import { ImportColumn, resolveColumns, RowReader } from "./columns";
import { checkRows } from "./check-rows";
import { writeRows } from "./write-rows";
import { CsvError, normaliseColumn, readCsv } from "./csv";
import { ImportProblem, ImportReport } from "./report";
import { writeTransaction } from "../db/write-transaction";
import { WriteChanges } from "../cache/write-changes";
import { StructureDirectory } from "../directory/client";

export interface ImportRow<T> {
  line: number;
  value: T;
}

/** A layout of file: its columns, and how one row becomes what is written. */
export interface RowLayout<T> {
  name: string;
  /** Whether a header (normalised column names) is in this layout. */
  matches?(header: readonly string[]): boolean;
  columns: readonly ImportColumn[];
  /** One row: its cells read, the write rules (the mutation's pure check), ownership. */
  read(row: RowReader): T | null;
}

/** What one kind of import (laureates, CAF grants, departmental credits) brings to the runner. */
export interface ImportDefinition<T> {
  kind: string;
  /** Audit: operation name and written entity. */
  operation: string;
  entity: string;
  table: EntityTarget<ObjectLiteral>;
  /** The layouts of file this import reads: the first whose header matches, else the last. */
  layouts: readonly RowLayout<T>[];
  /** Access and file-level context, in the transaction before any row is read (throws FORBIDDEN…). */
  prepare?(m: EntityManager): Promise<void> | void;
  /** Identity of a row: two rows with the same key are the same line of funding. */
  key(value: T): string;
  duplicateInFileMessage(firstLine: number): string;
  /** The keys of the rows already recorded, with their identifier. */
  existingKeys(m: EntityManager, values: readonly T[]): Promise<Map<string, number>>;
  duplicateMessage(id: number): string;
  /** Rules on the whole file (a call's envelope…), over the rows that kept every rule of their own. */
  fileRules?(m: EntityManager, rows: readonly ImportRow<T>[]): Promise<ImportProblem[]>;
  amountCents(value: T): Cents;
  year(value: T): number;
  structure(value: T): { siret: string; name: string };
  /** Writes one chunk of rows. */
  insert(m: EntityManager, values: T[]): Promise<void>;
  /** What the written rows changed: the gateway's cached answers that depend on them are invalidated (scripts/import.ts). */
  changes(values: readonly T[]): WriteChanges;
}

export type ImportPhase = "contrôle" | "écriture";
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export interface ImportFile {
  name: string;
  content: Buffer | string;
}

/** Refusal of the whole file that is not a broken rule of a row (the runner turns it into a report). */
class Refused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super("import refusé");
  }
}

/**
 * Imports a CSV file all or nothing, in one transaction: every row is read and checked with the
 * write rules, duplicates inside the file and against the database are refused, then — only when
 * no row broke a rule — the structures and the rows are inserted in chunks with one audit entry
 * for the whole file, and `directory` is told the file's SIRETs before the transaction commits.
 * Otherwise nothing is written and the report lists every broken rule.
 */
export async function runImport<T>(
  ds: DataSource,
  directory: StructureDirectory,
  definition: ImportDefinition<T>,
  file: ImportFile,
  actor: Actor,
  onProgress: ImportProgress = () => {},
): Promise<ImportReport> {
  const report: ImportReport = {
    kind: definition.kind,
    file: file.name,
    organisation: actor.organisation.id,
    rows: 0,
    written: 0,
    accepted: false,
    problems: [],
    totalCents: 0,
    totalsByYear: {},
  };
  try {
    const csv = readCsv(file.content);
    report.rows = csv.rows.length;
    const header = csv.header.map(normaliseColumn);
    const layout = definition.layouts.find((l) => l.matches?.(header)) ?? definition.layouts[definition.layouts.length - 1];
    const columns = resolveColumns(layout.columns, csv);
    if (columns.missing.length > 0) {
      throw new Refused(
        columns.missing.map((c) => ({
          line: 1,
          column: c.names[0],
          rule: "COLUMN_MISSING",
          message: `Colonne obligatoire absente de l'en-tête : « ${c.names[0]} » (noms acceptés : ${c.names.join(", ")}).`,
        })),
      );
    }
    if (csv.rows.length === 0)
      throw new Refused([{ line: null, column: null, rule: "NO_ROWS", message: "Le fichier ne contient aucune ligne de données." }]);
    return await writeTransaction(ds, async (m) => {
      await definition.prepare?.(m);
      const rows = checkRows(definition, layout, csv.rows, columns, report.problems, onProgress);
      const existing = await definition.existingKeys(
        m,
        rows.map((r) => r.value),
      );
      for (const row of rows) {
        const id = existing.get(definition.key(row.value));
        if (id !== undefined)
          report.problems.push({ line: row.line, column: null, rule: "DUPLICATE_EXISTING", message: definition.duplicateMessage(id) });
      }
      report.problems.push(...((await definition.fileRules?.(m, rows)) ?? []));
      if (report.problems.length > 0) {
        report.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        return report;
      }
      await writeRows(
        m,
        directory,
        definition,
        rows.map((r) => r.value),
        actor,
        file.name,
        report,
        onProgress,
      );
      return report;
    });
  } catch (error) {
    if (error instanceof Refused) report.problems.push(...error.problems);
    else if (error instanceof CsvError) report.problems.push({ line: error.line, column: null, rule: error.rule, message: error.message });
    else if (error instanceof GraphQLError) {
      const code = typeof error.extensions.code === "string" ? error.extensions.code : undefined;
      const rule = (error.extensions.violations as { rule?: string }[] | undefined)?.[0]?.rule ?? code ?? "REFUSED";
      report.problems.push({ line: null, column: null, rule, message: error.message });
    } else throw error;
    return report;
  }
}
