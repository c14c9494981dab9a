/**
 * Where a benchmarked process spends its time, for the profile scenario (bench/profile.ts): the
 * time spent in SQLite statements (better-sqlite3 is synchronous, so wrapping its calls times them
 * exactly), in JSON.stringify (the serialisation of large answers), in HMAC signing and checking,
 * and the wall time and bytes of the HTTP requests the process answers. Installed only when
 * BENCH_PROFILE=1: the wrappers cost a little on every call, which the load runs must not pay.
 */
import crypto from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";

const totals: Record<string, number> = {};
const add = (key: string, value: number) => (totals[key] = (totals[key] ?? 0) + value);

function timeSync<A extends unknown[], R>(key: string, fn: (this: unknown, ...args: A) => R) {
  return function (this: unknown, ...args: A): R {
    const started = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      add(key, performance.now() - started);
    }
  };
}

function timeSqlite(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native module's Statement prototype, reached through one statement
  const Database = require("better-sqlite3") as new (file: string) => { prepare(sql: string): object; close(): void };
  const db = new Database(":memory:");
  const statement = Object.getPrototypeOf(db.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
  db.close();
  for (const method of ["all", "get", "run", "iterate"]) statement[method] = timeSync("sqlMs", statement[method]);
}

function timeCrypto(): void {
  // node:crypto's synchronous HMAC (the gateway's signing, the subgraphs' check), reached through one instance
  const hmac = Object.getPrototypeOf(crypto.createHmac("sha256", "k")) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ["update", "digest"]) hmac[method] = timeSync("hmacMs", hmac[method]);
  const subtle = globalThis.crypto.subtle as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ["sign", "verify"]) {
    const original = subtle[method].bind(subtle);
    subtle[method] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        add("hmacMs", performance.now() - started);
      }
    };
  }
}

/** Wall time from a request's arrival to its response's end, and the bytes written back. */
function timeHttpServers(): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the server as `this`, below
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const started = performance.now();
      // (the declared length: listening to "data" would take the body from the server)
      const bytesIn = Number(req.headers["content-length"] ?? 0);
      res.once("finish", () => {
        add("requestMs", performance.now() - started);
        add("requests", 1);
        add("bytesIn", bytesIn);
      });
      const write = res.write.bind(res) as (...a: unknown[]) => boolean;
      const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
      const count = (chunk: unknown) => {
        if (typeof chunk === "string") add("bytesOut", Buffer.byteLength(chunk));
        else if (chunk instanceof Uint8Array) add("bytesOut", chunk.length);
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as never;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => (count(chunk), end(chunk, ...rest))) as never;
    }
    return (emit as (this: http.Server, event: string, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}

export function installProcessTimings(): void {
  if (process.env.BENCH_PROFILE !== "1") return;
  timeSqlite();
  timeCrypto();
  timeHttpServers();
  JSON.stringify = timeSync("stringifyMs", JSON.stringify) as typeof JSON.stringify;
}

/** The totals so far (the orchestrator reads them before and after each request). */
export const processTimings = (): Record<string, number> => ({ ...totals });
export const addTiming = add;
