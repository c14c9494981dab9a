import { Axis, AXES_IN_ORDER } from "../../domain/enums";

/**
 * Cell values as French spreadsheets write them. Each reader returns the value, or null with the
 * reason (French) when the cell cannot be read; emptiness is the caller's business.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Euros: "1234.56", "1234,56", "1 234,56" (space, no-break or narrow no-break space between
 * thousands), an optional "€". Any number of decimals is read: the cents rule is the write rules'.
 */
export function readDecimal(cell: string): Read<number> {
  const compact = cell.replace(/€/g, "").trim();
  const grouped = /^-?\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(compact);
  const plain = /^-?\d+([.,]\d+)?$/.test(compact);
  if (!grouped && !plain) return fail(`Montant illisible « ${cell} » : nombre attendu, virgule ou point décimal (ex. 1 234,56).`);
  return ok(Number(compact.replace(SPACES, "").replace(",", ".")));
}

export function readInteger(cell: string): Read<number> {
  return /^\d{1,9}$/.test(cell.trim()) ? ok(Number(cell.trim())) : fail(`Nombre entier attendu, reçu « ${cell} ».`);
}

/** A calendar date, JJ/MM/AAAA (French) or AAAA-MM-JJ (ISO); returned as AAAA-MM-JJ. */
export function readDate(cell: string): Read<string> {
  const value = cell.trim();
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return fail(`Date illisible « ${cell} » : JJ/MM/AAAA ou AAAA-MM-JJ attendue.`);
  const [y, m, d] = parts;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    return fail(`Date inexistante « ${cell} ».`);
  }
  return ok(`${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`);
}

/** A list in one cell: "44, 49", "44;49", "44 | 49", "44 49". */
export const readList = (cell: string): string[] => cell.split(/[\s,;|/]+/).filter((item) => item !== "");

/** A department code as spreadsheets mangle it: "1" → "01", "2a" → "2A". */
export const readDepartmentCode = (cell: string): string => {
  const code = cell.trim().toUpperCase();
  return /^\d$/.test(code) ? `0${code}` : code;
};

/** Axes by number (1–6, "axe 2" too) or by their API name (HEALTH_PROMOTION). */
export function readAxes(cell: string): Read<Axis[]> {
  const axes: Axis[] = [];
  for (const item of readList(cell.replace(/axes?\s*/gi, ""))) {
    const byNumber = /^[1-6]$/.test(item) ? AXES_IN_ORDER[Number(item) - 1] : undefined;
    const byName = AXES_IN_ORDER.find((a) => (a as string) === item.toUpperCase());
    const axis = byNumber ?? byName;
    if (!axis) return fail(`Axe inconnu « ${item} » : numéro de 1 à 6 ou nom de l'axe attendu.`);
    axes.push(axis);
  }
  return ok(axes);
}
