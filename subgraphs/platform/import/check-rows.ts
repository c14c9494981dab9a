import { ResolvedColumns, RowReader } from "./columns";
import { ImportProblem } from "./report";
import { RowViolations } from "./row-violations";
import type { ImportDefinition, ImportProgress, ImportRow, RowLayout } from "./run";

const PROGRESS_EVERY = 1000;

/**
 * Reads and checks every row of a file with the layout's write rules, without the database: the
 * broken rules and the duplicates inside the file go to `problems`; the rows that kept their own rules are returned.
 */
export function checkRows<T>(
  definition: ImportDefinition<T>,
  layout: RowLayout<T>,
  csvRows: readonly { line: number; cells: Record<string, string> }[],
  columns: ResolvedColumns,
  problems: ImportProblem[],
  onProgress: ImportProgress,
): ImportRow<T>[] {
  const rows: ImportRow<T>[] = [];
  const firstLineOf = new Map<string, number>();
  csvRows.forEach(({ line, cells }, index) => {
    const v = new RowViolations();
    const value = layout.read(new RowReader(cells, columns, v));
    for (const found of v.found)
      problems.push({ line, column: columns.labels.get(found.field) ?? found.field, rule: found.rule, message: found.message });
    if (value !== null && v.empty) {
      const key = definition.key(value);
      const first = firstLineOf.get(key);
      if (first !== undefined)
        problems.push({ line, column: null, rule: "DUPLICATE_IN_FILE", message: definition.duplicateInFileMessage(first) });
      else firstLineOf.set(key, line);
      rows.push({ line, value });
    }
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === csvRows.length) onProgress("contrôle", index + 1, csvRows.length);
  });
  return rows;
}
