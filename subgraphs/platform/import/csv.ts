import { parse } from "csv-parse/sync";

/** One data row of a CSV file: its line number in the file (the header is line 1) and its cells by column. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvFile {
  delimiter: "," | ";";
  /** Header names as written in the file. */
  header: string[];
  rows: CsvRow[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly rule: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/** "Référence dossier", "reference_dossier", "REFERENCE-DOSSIER" → "referencedossier". */
export const normaliseColumn = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** The header line's separator: the one of `;` and `,` that appears more often outside quotes. */
export function detectDelimiter(text: string): "," | ";" {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n") break;
    else if (!quoted && char === ";") semicolons++;
    else if (!quoted && char === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Reads a CSV file as spreadsheets write it: UTF-8 with or without BOM (anything else is refused:
 * no guessing), comma or semicolon, LF or CRLF, quoted cells, empty lines skipped. Cells are
 * trimmed and keyed by the normalised column name.
 */
export function readCsv(content: Buffer | string): CsvFile {
  let text: string;
  try {
    text = typeof content === "string" ? content : new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    throw new CsvError("Le fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 » depuis le tableur.", "ENCODING");
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    throw new CsvError(`Fichier CSV illisible : ${(error as Error).message}`, "CSV_SYNTAX", line);
  }
  if (records.length === 0) throw new CsvError("Le fichier est vide : une ligne d'en-tête est attendue.", "EMPTY_FILE");
  const header = records[0].record;
  const keys = header.map(normaliseColumn);
  const rows = records
    .slice(1)
    .filter(({ record }) => record.some((cell) => cell !== ""))
    .map(({ record, info }) => {
      const newlines = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      const cells: Record<string, string> = {};
      keys.forEach((key, i) => {
        if (key && !(key in cells)) cells[key] = record[i] ?? "";
      });
      return { line: info.lines - newlines, cells };
    });
  return { delimiter, header, rows };
}
