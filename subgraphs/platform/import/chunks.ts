/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
export const CHUNK_SIZE = 500;

export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
