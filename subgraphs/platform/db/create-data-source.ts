import fs from "node:fs";
import path from "node:path";
import { DataSource, DataSourceOptions } from "typeorm";
import { DatabaseConfig } from "../config";
import { SqlCounter } from "./sql-counter";
import { serializeTransactions } from "./sqlite-transactions";

export interface SubgraphDatabase {
  dataSource: DataSource;
  sql: SqlCounter;
}

interface Definition {
  /** The subgraph's name: its SQLite file, or its PostgreSQL schema. */
  name: string;
  entities: NonNullable<DataSourceOptions["entities"]>;
  migrations: NonNullable<DataSourceOptions["migrations"]>;
}

/**
 * One database per subgraph: a SQLite file under the data folder, or a PostgreSQL schema named after
 * the subgraph. Migrations run on open; `synchronize` stays off (schema changes are migrations).
 * On PostgreSQL, replicas of a subgraph starting together migrate one after the other.
 */
export async function openDatabase(config: DatabaseConfig, definition: Definition): Promise<SubgraphDatabase> {
  const sql = new SqlCounter(config.logSql);
  const common = {
    entities: definition.entities,
    migrations: definition.migrations,
    logger: sql,
    logging: ["query", "error", "warn"] as const,
    synchronize: false,
    migrationsRun: false,
  };
  let options: DataSourceOptions;
  if (config.url) {
    options = {
      ...common,
      logging: [...common.logging],
      type: "postgres",
      url: config.url,
      schema: definition.name,
      extra: { max: 10, options: `-c search_path="${definition.name}"` },
    };
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    options = {
      ...common,
      logging: [...common.logging],
      type: "better-sqlite3",
      database: path.join(config.dataDir, `${definition.name}.sqlite`),
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma("journal_mode = WAL");
        db.pragma("foreign_keys = ON");
      },
    };
  }
  const dataSource = new DataSource(options);
  const migrate = async () => {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: "each" });
  };
  await (config.url ? underMigrationLock(config.url, definition.name, migrate) : migrate());
  if (!config.url) serializeTransactions(dataSource);
  return { dataSource, sql };
}

/**
 * Creates the schema and migrates while holding a session advisory lock named after the schema:
 * without it, two replicas starting at once both create the schema, the migrations table and the
 * tables, and the loser fails on a duplicate. The lock goes with its connection if the process dies.
 */
async function underMigrationLock(url: string, schema: string, migrate: () => Promise<void>): Promise<void> {
  const lock = new DataSource({ type: "postgres", url, extra: { max: 1 } });
  await lock.initialize();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext($1))", [`hub-migrations:${schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await migrate();
  } finally {
    await lock.destroy(); // ends the session, which releases the lock
  }
}
