/** Formats the API accepts for dates and dossier references. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const validProjectRef = (ref: string) => /^[A-Za-z0-9._-]{1,64}$/.test(ref);

/** A row identifier from the API ("123"), or null: at most 9 digits, inside PostgreSQL's integer (a longer one is unknown, not an error). */
export const rowId = (id: string): number | null => (/^\d{1,9}$/.test(id) ? Number(id) : null);
