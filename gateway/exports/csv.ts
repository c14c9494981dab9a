/**
 * The CSV writer of every public export. Partners open these files in a spreadsheet, and a cell
 * that begins with "=", "+", "-", "@", a tab or a carriage return would run there as a formula
 * (CSV injection, OWASP): csv-stringify's `escape_formulas` prefixes such a cell with a single quote.
 * The library exempts "-" only for JavaScript numbers, and our amounts are strings (exact two
 * decimals from cents): the cells of the numeric columns that read as a number are cast back to
 * unescaped, so "-12.50" stays a number while any other text there is still neutralised.
 */
import { stringify } from "csv-stringify/sync";
import { FORMULA_START } from "../../subgraphs/domain/rules/csv-formulas";

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Whether csv-stringify's `escape_formulas` will prefix this text cell with a quote (one more character). */
export const escapedAsFormula = (text: string) => FORMULA_START.test(text);

export function exportCsv<C extends string>(
  records: readonly Record<C, string>[],
  columns: readonly C[],
  numericColumns: readonly C[] = [],
): string {
  const numeric = new Set<string>(numericColumns);
  return stringify([...records], {
    header: true,
    columns: [...columns],
    escape_formulas: true,
    cast: {
      string: (value, context) => (numeric.has(String(context.column)) && NUMBER.test(value) ? { value, escape_formulas: false } : value),
    },
  });
}
