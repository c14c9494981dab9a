/**
 * The first characters that make a spreadsheet run a CSV cell as a formula (CSV injection, OWASP),
 * exactly those csv-stringify's `escape_formulas` prefixes with a single quote: "=", "+", "-", "@",
 * a tab, a carriage return and the full-width "＝", "＋", "－", "＠". One list for both directions: the
 * public exports add the quote (gateway/exports/csv.ts), the CAF's SCDL import removes it
 * (subgraphs/caf/scdl-import.ts). Not global: safe for `.test`.
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
