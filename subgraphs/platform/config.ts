/**
 * Environment of a service, read and checked once at start-up: a wrong value stops the service
 * with a message that names the variable. No default secrets.
 */
import path from "node:path";

export interface DatabaseConfig {
  /** PostgreSQL connection URL; when absent, embedded SQLite files under dataDir. */
  url: string | null;
  dataDir: string;
}

export class ConfigError extends Error {}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(`DATABASE_URL doit être une URL PostgreSQL (postgres://…), reçu : ${url}`);
  }
  return { url, dataDir: path.resolve(env.DATA_DIR?.trim() || "data") };
}

export function readPort(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} doit être un port (0–65535), reçu : ${raw}`);
  return port;
}
