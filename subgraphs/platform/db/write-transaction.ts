import { DataSource, EntityManager, QueryFailedError } from "typeorm";

/**
 * Why a transaction lost a race and may simply run again: PostgreSQL unique violation (23505, two
 * writers inserted the same key: the second run sees the first's row and refuses in French),
 * serialization failure (40001) or deadlock (40P01); SQLite unique constraint or busy database.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const raw = (error as { code?: unknown }).code ?? (error.driverError as { code?: unknown } | undefined)?.code;
  const code = typeof raw === "string" ? raw : "";
  return [
    "23505",
    "40001",
    "40P01",
    "SQLITE_CONSTRAINT_UNIQUE",
    "SQLITE_CONSTRAINT_PRIMARYKEY",
    "SQLITE_BUSY",
    "SQLITE_BUSY_SNAPSHOT",
  ].includes(code);
}

/** Runs of a write before a conflict is let through (each run is a new transaction, and a loser's rerun refuses). */
export const WRITE_ATTEMPTS = 4;

/**
 * One write, in one transaction, correct under concurrent requests on both databases.
 *
 * SQLite: typeorm's better-sqlite3 driver has ONE query runner for the whole DataSource, so two
 * `ds.transaction` calls in flight would interleave on it (the second BEGIN becomes a SAVEPOINT of
 * the first: TypeORM's AbstractSqliteQueryRunner.startTransaction) and a check-then-insert would not
 * be isolated. Every SQLite data source of the hub runs its transactions one after the other
 * (serializeTransactions, applied by openDatabase), which is what makes these writes isolated there.
 *
 * PostgreSQL: transactions are real and concurrent; the unique indexes make a duplicate impossible,
 * and a transaction that loses a race (unique violation, deadlock, serialization failure) runs again
 * from the start: its checks then see the winner's committed row and refuse it with the French
 * message of the rule. Row locks (`SELECT … FOR UPDATE`, see lockCallForWrite) order the writers of
 * one envelope. Not reentrant: a write never calls another write (on SQLite it would wait for itself).
 */
export async function writeTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return withRetries(() => ds.transaction(work));
}

async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let run = 1; ; run++) {
    try {
      return await attempt();
    } catch (error) {
      if (run >= WRITE_ATTEMPTS || !isRetryableConflict(error)) throw error;
    }
  }
}
