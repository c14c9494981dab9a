import Redis from "ioredis";
import { LRUCache } from "lru-cache";
import { UNSCOPED } from "./cache-scopes";
import { stampDebt } from "./stamp-debt";

/**
 * Where cached answers and the versions of their scopes live: in process, or in Redis for every
 * replica. Each accepted write takes the next number of one sequence and stamps it on every scope
 * it changed. An answer remembers the sequence read before it was computed (`at`) and its scopes:
 * it is served while none of them carries a later stamp. A write acknowledged before a read started
 * is stamped before it, so its changes are in the data read, or the answer is never served.
 */
export interface StoredAnswer {
  result: unknown;
  at: number;
  scopes: string[];
}

export interface ScopedStore {
  /** A still valid answer, and the sequence as it stands before the read runs (null: unknown, do not store). */
  lookup(
    key: string,
  ): Promise<{ answer: StoredAnswer | null; sequence: number | null }> | { answer: StoredAnswer | null; sequence: number | null };
  save(key: string, answer: StoredAnswer, ttlMs: number): Promise<void> | void;
  /** After an accepted write: its scopes are stamped with the next sequence number. */
  bump(scopes: readonly string[]): Promise<void> | void;
  close(): Promise<void>;
}

const stillValid = (answer: StoredAnswer, versions: readonly number[]) => versions.every((version) => version <= answer.at);
const scopesOf = (answer: StoredAnswer) => [...answer.scopes, UNSCOPED];

export function memoryStore(maxBytes: number): ScopedStore & { versionCount(): number } {
  // Sized by the JSON length of each answer: a national dashboard weighs megabytes, a structure kilobytes.
  const entries = new LRUCache<string, StoredAnswer>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.result).length),
  });
  // bounded: scopes are regions, departments, years and a fixed number of buckets (cache-scopes.ts)
  const versions = new Map<string, number>();
  let sequence = 0;
  return {
    lookup(key) {
      const answer = entries.get(key) ?? null;
      if (
        answer &&
        !stillValid(
          answer,
          scopesOf(answer).map((scope) => versions.get(scope) ?? 0),
        )
      ) {
        entries.delete(key);
        return { answer: null, sequence };
      }
      return { answer, sequence };
    },
    save: (key, answer, ttlMs) => {
      entries.set(key, answer, { ttl: ttlMs });
    },
    bump(scopes) {
      sequence++;
      for (const scope of scopes) versions.set(scope, sequence);
    },
    close: () => {
      entries.clear();
      return Promise.resolve();
    },
    versionCount: () => versions.size,
  };
}

/** One atomic step: the next sequence number, stamped on every scope of the write. */
const BUMP_SCRIPT = "local s = redis.call('INCR', KEYS[1]) for i = 2, #KEYS do redis.call('SET', KEYS[i], s) end return s";

/**
 * Saves an answer only if the sequence has not gone back since it was read: a Redis restarted (or
 * flushed) while the read ran starts the sequence again from 0, and an answer remembering a later
 * number would outlive the writes stamped after the restart.
 */
const SAVE_SCRIPT =
  "if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then return 0 end redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) return 1";

/**
 * A Redis that stops answering on an open connection (packets dropped, a stalled server) fails no
 * command by itself: without this bound every public read and every write would wait for it.
 * A few milliseconds is the norm; a second is an outage (a miss, or a stamp owed).
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1000;

/** Key layout shared by the gateway and the CSV import (scripts/import.ts). */
export const redisKeys = (prefix: string) => ({
  sequence: `${prefix}sequence`,
  version: (scope: string) => `${prefix}v:${scope}`,
  entry: (key: string) => `${prefix}answer:${key}`,
});

/** Stamps scopes in a shared store (a gateway replica or an import). */
export const bumpInRedis = async (redis: Redis, prefix: string, scopes: readonly string[]) => {
  const keys = redisKeys(prefix);
  await redis.eval(BUMP_SCRIPT, scopes.length + 1, keys.sequence, ...scopes.map(keys.version));
};

/**
 * Redis down: reads go to the subgraphs (a miss), nothing is cached, and the failure is logged
 * once per outage; the hub answers as without a cache. A write whose stamp failed leaves a stamp
 * of everything owed (stamp-debt.ts): until it goes through (tried again on each lookup, save and
 * write, and when Redis is back), this replica serves and saves nothing. A lookup is two round
 * trips on a hit (the answer with the sequence, then the versions of its scopes: one MGET), one on
 * a miss.
 */
export function redisStore(url: string, prefix: string): ScopedStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
  const keys = redisKeys(prefix);
  let outage = false;
  const logged = (error: unknown) => {
    if (!outage)
      console.error(
        JSON.stringify({
          level: "error",
          service: "gateway",
          msg: "response cache: Redis unreachable, answering without cache",
          error: String(error),
        }),
      );
    outage = true;
  };
  const debt = stampDebt((scopes) => bumpInRedis(redis, prefix, scopes));
  redis.on("error", logged);
  redis.on("ready", () => {
    outage = false;
    void debt.settle();
  });
  const orElse = async <T, F = T>(work: () => Promise<T>, fallback: F): Promise<T | F> => {
    try {
      return await work();
    } catch (error) {
      logged(error);
      return fallback;
    }
  };
  return {
    lookup: async (key) => {
      if (!(await debt.settle())) return { answer: null, sequence: null };
      return orElse(
        async (): Promise<{ answer: StoredAnswer | null; sequence: number | null }> => {
          const [[, raw], [, sequence]] = (await redis.multi().get(keys.entry(key)).get(keys.sequence).exec()) as [
            unknown,
            string | null,
          ][];
          const at = Number(sequence ?? 0);
          if (!raw) return { answer: null, sequence: at };
          const answer = JSON.parse(raw) as StoredAnswer;
          const versions = await redis.mget(...scopesOf(answer).map(keys.version));
          return {
            answer: stillValid(
              answer,
              versions.map((v) => Number(v ?? 0)),
            )
              ? answer
              : null,
            sequence: at,
          };
        },
        { answer: null, sequence: null },
      );
    },
    save: async (key, answer, ttlMs) => {
      // read before the stamp owed, which invalidates it: not worth keeping
      if (debt.owed()) {
        await debt.settle();
        return;
      }
      await orElse(async () => {
        await redis.eval(SAVE_SCRIPT, 2, keys.sequence, keys.entry(key), answer.at, JSON.stringify(answer), Math.max(1, Math.round(ttlMs)));
      }, undefined);
    },
    bump: (scopes) => debt.bump(scopes),
    close: () => {
      redis.disconnect();
      return Promise.resolve();
    },
  };
}
