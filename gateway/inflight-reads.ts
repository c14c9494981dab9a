/**
 * Public reads that missed the cache and are being computed, by cache key. A read that misses
 * while the same answer is being computed waits for that answer instead of asking the subgraphs
 * again: a popular dashboard that a write has just invalidated is computed once, not once per
 * reader (on a deadline day, ten readers of one region would otherwise make ten dashboards at once).
 *
 * Joining is safe only from the same sequence (scoped-store.ts): a computation that read sequence
 * S started after every write stamped up to S, and a read that finds S still current was sent after
 * no other write was acknowledged. A read that finds a later sequence starts its own computation,
 * which later readers join instead.
 *
 * A computation that ends without a cacheable answer (an error, a refusal) hands its joiners null:
 * each then computes its own. One that never ends is left after `waitMs`.
 */
export interface InflightReads {
  /** The answer being computed for `key` from `sequence`, or null when there is none. */
  join(key: string, sequence: number): Promise<unknown> | null;
  /** Registers a computation of `key` from `sequence`; its settle hands the answer (or null) to its joiners. Idempotent. */
  lead(key: string, sequence: number): (answer: unknown) => void;
  /** Computations registered and not settled (for tests). */
  size(): number;
}

interface Computation {
  sequence: number;
  answer: Promise<unknown>;
}

export function inflightReads(waitMs: number): InflightReads {
  const computations = new Map<string, Computation>();
  return {
    join(key, sequence) {
      const computation = computations.get(key);
      return computation && computation.sequence === sequence ? computation.answer : null;
    },
    lead(key, sequence) {
      let settle: (answer: unknown) => void = () => undefined;
      const computation: Computation = { sequence, answer: new Promise((resolve) => (settle = resolve)) };
      computations.set(key, computation);
      const done = (answer: unknown) => {
        clearTimeout(timer);
        if (computations.get(key) === computation) computations.delete(key);
        settle(answer);
      };
      const timer = setTimeout(() => done(null), waitMs);
      timer.unref();
      return done;
    },
    size: () => computations.size,
  };
}
