import { Axis } from "../../domain/enums";
import { CsvFile, normaliseColumn } from "./csv";
import { RowViolations } from "./row-violations";
import { readAxes, readDate, readDecimal, readInteger, readList } from "./values";

/** One column of an import: the write input's field it fills, the header names it goes by. */
export interface ImportColumn {
  field: string;
  names: readonly string[];
  required?: boolean;
}

export interface ResolvedColumns {
  /** field → normalised header key found in the file */
  keys: Map<string, string>;
  /** field → the column's name as the file writes it (for the report) */
  labels: Map<string, string>;
  missing: ImportColumn[];
}

/** Finds each column of the import in the file's header (case, accents, spaces and "_" ignored). */
export function resolveColumns(columns: readonly ImportColumn[], file: CsvFile): ResolvedColumns {
  const keys = new Map<string, string>();
  const labels = new Map<string, string>();
  const normalised = file.header.map(normaliseColumn);
  const missing: ImportColumn[] = [];
  for (const column of columns) {
    const index = normalised.findIndex((key) => column.names.some((name) => normaliseColumn(name) === key));
    if (index >= 0) {
      keys.set(column.field, normalised[index]);
      labels.set(column.field, file.header[index]);
    } else if (column.required) {
      missing.push(column);
    }
  }
  return { keys, labels, missing };
}

/**
 * Reads the cells of one row into the write input's fields. An unreadable cell is reported on the
 * row's violations (its own rule) and a placeholder is returned that the write rules then ignore.
 */
export class RowReader {
  constructor(
    private readonly cells: Record<string, string>,
    private readonly columns: ResolvedColumns,
    readonly v: RowViolations,
  ) {}

  cell(field: string): string {
    const key = this.columns.keys.get(field);
    return key ? (this.cells[key] ?? "").trim() : "";
  }
  has(field: string): boolean {
    return this.cell(field) !== "";
  }
  text(field: string): string {
    return this.cell(field);
  }
  optionalText(field: string): string | null {
    return this.has(field) ? this.cell(field) : null;
  }
  decimal(field: string): number {
    const read = readDecimal(this.cell(field));
    if (read.ok) return read.value;
    this.v.unreadableCell(
      field,
      this.has(field) ? "AMOUNT_FORMAT" : "REQUIRED",
      this.has(field) ? read.message : "Le montant est obligatoire.",
    );
    return Number.NaN;
  }
  integer(field: string, label: string): number {
    const read = readInteger(this.cell(field));
    if (read.ok) return read.value;
    this.v.unreadableCell(
      field,
      this.has(field) ? "INTEGER_FORMAT" : "REQUIRED",
      this.has(field) ? read.message : `${label} est obligatoire.`,
    );
    return Number.NaN;
  }
  /** The year of a date cell (French or ISO). */
  yearOfDate(dateField: string, field: string): number {
    const read = readDate(this.cell(dateField));
    if (read.ok) return Number(read.value.slice(0, 4));
    this.v.unreadableCell(dateField, "DATE_FORMAT", read.message);
    this.v.unreadableFrom(field);
    return Number.NaN;
  }
  axes(field: string): Axis[] {
    if (!this.has(field)) return [];
    const read = readAxes(this.cell(field));
    if (read.ok) return read.value;
    this.v.unreadableCell(field, "AXIS_UNKNOWN", read.message);
    return [];
  }
  list(field: string): string[] {
    return readList(this.cell(field));
  }
}
