import { DataSource } from "typeorm";

/**
 * On SQLite, TypeORM's better-sqlite3 driver gives every caller one shared query runner: two
 * transactions that overlap in time do not wait for each other, the second one becomes a SAVEPOINT
 * inside the first (AbstractSqliteQueryRunner.startTransaction), and the first one's rollback takes
 * the second's acknowledged rows with it. Writes used to run with no real I/O inside a transaction,
 * so they never overlapped; a write now awaits the hub's structure directory before it commits.
 * So transactions of one SQLite data source run one after the other (PostgreSQL has a pool and real
 * isolation, and is left alone). A transaction must not open another through the data source.
 */
export function serializeTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let queue: Promise<unknown> = Promise.resolve();
  manager.transaction = (...args: unknown[]) => {
    const run = queue.then(() => transaction(...args));
    queue = run.catch(() => undefined);
    return run;
  };
}
