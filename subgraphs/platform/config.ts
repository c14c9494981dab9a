/**
 * Environment of a service, read and checked once at start-up: a wrong value stops the service
 * with a message that names the variable. No default secrets.
 */
import path from "node:path";

export interface DatabaseConfig {
  /** PostgreSQL connection URL; when absent, embedded SQLite files under dataDir. */
  url: string | null;
  dataDir: string;
  /** LOG_SQL=1: every SQL statement on the standard output (off when unset). */
  logSql?: boolean;
}

export class ConfigError extends Error {}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(`DATABASE_URL doit être une URL PostgreSQL (postgres://…), reçu : ${url}`);
  }
  return { url, dataDir: path.resolve(env.DATA_DIR?.trim() || "data"), logSql: readFlag("LOG_SQL", false, env) };
}

export function readPort(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} doit être un port (0–65535), reçu : ${raw}`);
  return port;
}

/** A whole number of bytes of at least 1 (a body limit); unset or empty: the fallback. */
export function readByteCount(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError(`${name} doit être un nombre d'octets (entier, au moins 1), reçu : ${raw}`);
  return value;
}

/** A yes/no variable written 1 or 0 (DEMO, LOG_SQL); unset or empty: the fallback. */
export function readFlag(name: string, fallback: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "1" || raw === "0") return raw === "1";
  throw new ConfigError(`${name} doit valoir 1 ou 0, reçu : ${raw}`);
}

/** pino's levels, which the subgraphs log with; the gateway maps them to its own (debug or warn). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function readLogLevel(env: NodeJS.ProcessEnv = process.env, fallback: LogLevel = "info"): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === "") return fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError(`LOG_LEVEL doit valoir ${LOG_LEVELS.join(", ")}, reçu : ${raw}`);
  return raw as LogLevel;
}

/** A host name or address to listen on (HOST, GATEWAY_HOST, SIGNER_HOST); unset or empty: the fallback. */
export function readHost(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[\w.:-]+$/.test(raw)) throw new ConfigError(`${name} doit être un nom d'hôte ou une adresse IP, reçu : ${raw}`);
  return raw;
}
