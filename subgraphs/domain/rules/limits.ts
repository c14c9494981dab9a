/**
 * The hub's bounds on what a partner writes, in one place, the same on SQLite and PostgreSQL
 * (SQLite enforces no column length; PostgreSQL refuses with an internal error past a varchar, past
 * a unique index's row size — about 2 700 bytes — or on a NUL byte).
 */

/** A text field's rule: at most `max` characters (Unicode code points, as PostgreSQL counts them). */
export interface TextLimit {
  max: number;
  /** Multi-line fields accept line breaks and tabs; every other control character is refused. */
  multiline: boolean;
}

export const TEXT_LIMITS = {
  /** Titles of calls, projects, grants, credits, Maisons: the longest real call title is about 100. 300 keeps unique indexes far under PostgreSQL's row size. */
  title: { max: 300, multiline: false },
  /** Structure names: the structure column's width (a SIRENE denomination holds at most 120). */
  name: { max: 300, multiline: false },
  /** Descriptions, evaluation summaries, withdrawal reasons. */
  description: { max: 5000, multiline: true },
  /** Each field of a Maison's project sheet (annex 1): a few pages at most. */
  sheet: { max: 20000, multiline: true },
  /** A searched text (the explorer's filters, the structure search): longer than any title is no search. */
  search: { max: 100, multiline: false },
} as const satisfies Record<string, TextLimit>;

/** C0 and C1 control characters and DEL (the NUL byte among them); line breaks and tabs are told apart below. Not global: safe for `.test`. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex -- likewise, line breaks and tabs excepted
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

export const codePoints = (value: string): number => {
  let n = 0;
  for (const _ of value) n++;
  return n;
};

/** The broken rule of one text value, or null. */
export function textViolation(value: string, limit: TextLimit, label: string): { rule: string; message: string } | null {
  if ((limit.multiline ? CONTROL_BUT_LINES : CONTROL_CHARACTERS).test(value)) {
    return {
      rule: "TEXT_CONTROL_CHARACTER",
      message: `${label} contient un caractère de contrôle (octet nul ou autre) : ${limit.multiline ? "seuls les retours à la ligne et les tabulations sont admis" : "texte d'une ligne, sans caractère de contrôle"}.`,
    };
  }
  const length = codePoints(value);
  if (length > limit.max) return { rule: "TEXT_TOO_LONG", message: `${label} dépasse ${limit.max} caractères (${length}).` };
  return null;
}

/**
 * Ceiling of one amount (a grant, a credit, a laureate, an envelope, a budget line): 1 000 000 000 €,
 * 10^11 cents. Why: the largest real line is far below (the FIPE is 10 M€ for all of France in 2023),
 * so this only stops typos; and 90 000 lines at the ceiling still sum under 2^53 cents, the largest
 * integer a JavaScript number and the API's Float hold exactly — no stored data makes a total wrong.
 */
export const AMOUNT_CEILING_CENTS = 100_000_000_000;
