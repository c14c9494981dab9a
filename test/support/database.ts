import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { DatabaseConfig } from "../../subgraphs/platform/config";

/**
 * A fresh database per test run, never the state of a previous one: a temporary folder of SQLite
 * files by default, a new PostgreSQL database when TEST_DB=postgres (server from TEST_PG_URL).
 */
export interface TestDatabase {
  config: DatabaseConfig;
  kind: "sqlite" | "postgres";
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB === "postgres") {
    const server = process.env.TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `hub_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      kind: "postgres",
      config: { url: url.toString(), dataDir: "" },
      async drop() {
        const client = new Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-test-"));
  return { kind: "sqlite", config: { url: null, dataDir }, drop: () => fs.promises.rm(dataDir, { recursive: true, force: true }) };
}
