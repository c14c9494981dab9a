import { UNSCOPED } from "./cache-scopes";

/**
 * The stamp a replica owes the shared cache after a write whose stamp failed (Redis unreachable
 * from this replica, gateway/scoped-store.ts). That write may have changed any answer cached
 * before it, here or on another replica: until one stamp of `unscoped` (which every answer depends
 * on) goes through, this replica must serve nothing from the cache nor save anything. Failures are
 * counted: a stamp pays those seen before it started, not one that failed while it ran (that write
 * may have committed after the stamp was applied).
 */
export interface StampDebt {
  /** A failed stamp not yet covered by a stamp of everything. */
  owed(): boolean;
  /** A write's stamp; while a stamp is owed, widened to everything, which pays it. Never throws: a failure is owed. */
  bump(scopes: readonly string[]): Promise<void>;
  /** Pays what is owed, if anything (one attempt at a time, shared); true when nothing is owed after it. */
  settle(): Promise<boolean>;
}

export type LogLine = (entry: { level: "error" | "info"; msg: string; error?: string }) => void;

const logLine: LogLine = (entry) =>
  (entry.level === "error" ? console.error : console.log)(JSON.stringify({ service: "gateway", ...entry }));

/** `stamp`: the shared store's bump (throws when it cannot reach the store). */
export function stampDebt(stamp: (scopes: readonly string[]) => Promise<void>, log: LogLine = logLine): StampDebt {
  let failures = 0;
  let paid = 0;
  let settling: Promise<boolean> | null = null;
  const owed = () => paid < failures;
  const incur = (error: unknown) => {
    if (!owed())
      log({
        level: "error",
        msg: "response cache: a write could not be stamped in Redis; this replica serves nothing from the cache until every answer is invalidated",
        error: String(error),
      });
    failures++;
  };
  const stampEverything = async (scopes: readonly string[]) => {
    const covered = failures;
    await stamp([...new Set([...scopes, UNSCOPED])]);
    if (covered <= paid) return;
    paid = covered;
    if (!owed())
      log({ level: "info", msg: "response cache: every answer invalidated after a write that could not be stamped; cache served again" });
  };
  return {
    owed,
    async bump(scopes) {
      try {
        await (owed() ? stampEverything(scopes) : stamp(scopes));
      } catch (error) {
        incur(error);
      }
    },
    settle() {
      if (!owed()) return Promise.resolve(true);
      settling ??= stampEverything([])
        .then(
          () => !owed(),
          () => false,
        )
        .finally(() => {
          settling = null;
        });
      return settling;
    },
  };
}
