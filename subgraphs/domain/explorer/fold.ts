/**
 * Case- and accent-insensitive matching that gives the same answer on SQLite and PostgreSQL.
 * Neither engine's LOWER can be trusted for it (SQLite's folds ASCII only; PostgreSQL's follows
 * the database's locale), and PostgreSQL's `unaccent` is an extension SQLite lacks. So one table
 * of replacements is applied with REPLACE in SQL, which both engines run character for character,
 * and with the same table in code on the searched text: "Équipe", "equipe" and "ÉQUIPE" all
 * become "equipe" on both sides. Nothing is stored: rows written by any path (writes, imports,
 * demo, fixtures) are searchable as they are, and no migration is needed.
 */

const ASCII_UPPER = Array.from({ length: 26 }, (_, i) => [String.fromCharCode(65 + i), String.fromCharCode(97 + i)] as const);

/** Every source is one code point; no replacement produces a source, so the order does not matter. */
const GROUPS: readonly (readonly [string, string])[] = [
  ["ÀÁÂÃÄÅàáâãäå", "a"],
  ["Ææ", "ae"],
  ["Çç", "c"],
  ["ÈÉÊËèéêë", "e"],
  ["ÌÍÎÏìíîï", "i"],
  ["Ññ", "n"],
  ["ÒÓÔÕÖØòóôõöø", "o"],
  ["Œœ", "oe"],
  ["ÙÚÛÜùúûü", "u"],
  ["ÝýÿŸ", "y"],
  ["ß", "ss"],
  // combining accents (text typed in decomposed form), the typographic apostrophe, French spaces
  ["\u0300\u0301\u0302\u0303\u0308\u0327", ""],
  ["\u2019", "'"],
  ["\u00a0\u202f", " "],
];

export const FOLDS: readonly (readonly [string, string])[] = [
  ...ASCII_UPPER,
  ...GROUPS.flatMap(([sources, target]) => Array.from(sources, (source) => [source, target] as const)),
];
const FOLD_MAP = new Map(FOLDS);

/** The text as the SQL expression of `foldSql` makes it: lower-case ASCII letters, no accents. */
export function foldText(text: string): string {
  let folded = "";
  for (const char of text) folded += FOLD_MAP.get(char) ?? char;
  return folded;
}

const sqlLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The SQL expression folding `expression` (a column, a concatenation): nested REPLACE, the same on both engines. */
export function foldSql(expression: string): string {
  return FOLDS.reduce((sql, [source, target]) => `REPLACE(${sql}, ${sqlLiteral(source)}, ${sqlLiteral(target)})`, expression);
}

/** LIKE pattern "contains `needle`" (already folded), its wildcards escaped with a backslash (`ESCAPE '\'`). */
export const containsPattern = (foldedNeedle: string) => `%${foldedNeedle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * "The folded `expression` contains the parameter `param`" (a `containsPattern`). Fields are joined
 * by a line break before folding: one REPLACE chain for several fields, and no match across two
 * fields since a searched text holds no line break (refused as a control character).
 */
export const foldedContains = (expressions: readonly string[], param: string) =>
  `${foldSql(expressions.map((e) => `COALESCE(${e}, '')`).join(" || '\n' || "))} LIKE :${param} ESCAPE '\\'`;

/** `expression` compared byte by byte: SQLite's default; PostgreSQL's "C" collation (the database's locale would order otherwise). */
export const binaryOrder = (postgres: boolean, expression: string) => (postgres ? `${expression} COLLATE "C"` : expression);
