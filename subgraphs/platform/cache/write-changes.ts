import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What an accepted write changed, told by the subgraph that committed it (only it knows the rows:
 * the department of a grant, the region of a call, the SIRET, the dossier, the year). The gateway
 * invalidates the cached public answers that depend on it and keeps the others
 * (gateway/cache-scopes.ts). A subgraph that reports nothing (an older or a partner's own) makes the
 * gateway invalidate everything: reporting is an optimisation, never a condition of correctness.
 *
 * Protocol: the subgraph's GraphQL response to a mutation carries it in
 * `extensions.hubCacheChanges` (the union of every write of the request).
 */
export interface WriteChanges {
  /** Rows placed in a region as a whole (a call, its envelope, a Maison of an overseas territory). */
  regions?: string[];
  /** Rows placed in a department (a grant, a credit, a laureate's departments); their region follows. */
  departments?: string[];
  structures?: string[];
  /** Dossier references. */
  projects?: string[];
  /** Calls whose projects or awarded total changed: "health:12", "social:3". */
  calls?: string[];
  /** Years of the written rows (national figures of that year). */
  years?: number[];
  /** National lists that gained, lost or changed a member. */
  lists?: ("laureates" | "maisons")[];
  /** Anything listing any structure may have changed (structure names replaced, a backfill). */
  everything?: boolean;
}

export const WRITE_CHANGES_EXTENSION = "hubCacheChanges";

const LIST_KEYS = ["regions", "departments", "structures", "projects", "calls", "years", "lists"] as const;

/** One report out of several (a request with two mutations, a file of many rows), each value once. */
export function mergeWriteChanges(reports: readonly WriteChanges[]): WriteChanges {
  const sets = LIST_KEYS.map((key) => [key, new Set<unknown>()] as const);
  let everything = false;
  for (const report of reports) {
    for (const [key, values] of sets) for (const value of report[key] ?? []) values.add(value);
    everything ||= !!report.everything;
  }
  const merged = Object.fromEntries(
    sets.filter(([, values]) => values.size > 0).map(([key, values]) => [key, [...values]]),
  ) as WriteChanges;
  return everything ? { ...merged, everything } : merged;
}

const collector = new AsyncLocalStorage<WriteChanges[]>();

/** Runs one GraphQL request of a subgraph and returns what its committed writes reported. */
export async function collectWriteChanges<T>(work: () => Promise<T>): Promise<{ value: T; changes: WriteChanges | null }> {
  const reports: WriteChanges[] = [];
  const value = await collector.run(reports, work);
  return { value, changes: reports.length ? mergeWriteChanges(reports) : null };
}

/** Called by a write once its transaction has committed (never before: a rollback changed nothing). */
export function reportWriteChanges(changes: WriteChanges): void {
  collector.getStore()?.push(changes);
}
