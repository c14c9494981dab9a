import fs from "node:fs";
import path from "node:path";
import { DataSource, DataSourceOptions, MixedList, EntitySchema } from "typeorm";
import { DatabaseConfig } from "../config";
import { SqlCounter } from "./sql-counter";

export interface SubgraphDatabase {
  dataSource: DataSource;
  sql: SqlCounter;
}

interface Definition {
  /** The subgraph's name: its SQLite file, or its PostgreSQL schema. */
  name: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
}

/**
 * One database per subgraph: a SQLite file under the data folder, or a PostgreSQL schema named after
 * the subgraph. Migrations run on open; `synchronize` stays off (schema changes are migrations).
 */
export async function openDatabase(config: DatabaseConfig, definition: Definition): Promise<SubgraphDatabase> {
  const sql = new SqlCounter();
  const common = { entities: definition.entities, migrations: definition.migrations, logger: sql, logging: ["query", "error", "warn"] as const, synchronize: false, migrationsRun: false };
  let options: DataSourceOptions;
  if (config.url) {
    await ensurePostgresSchema(config.url, definition.name);
    options = { ...common, logging: [...common.logging], type: "postgres", url: config.url, schema: definition.name, extra: { max: 10, options: `-c search_path="${definition.name}"` } };
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    options = { ...common, logging: [...common.logging], type: "better-sqlite3", database: path.join(config.dataDir, `${definition.name}.sqlite`), prepareDatabase: (db: { pragma(s: string): unknown }) => { db.pragma("journal_mode = WAL"); db.pragma("foreign_keys = ON"); } };
  }
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  return { dataSource, sql };
}

async function ensurePostgresSchema(url: string, schema: string): Promise<void> {
  const bootstrap = new DataSource({ type: "postgres", url });
  await bootstrap.initialize();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await bootstrap.destroy();
  }
}
