import { badInput } from "../../platform/errors";
import { CoFundingPairData, comparePairs, PairPosition } from "./co-funding";

/**
 * Pages of co-funding pairs. The cursor is the position of the last pair given (its shared count
 * and its two names), not an index: a page after it starts with the next pair in the same order,
 * even when a write between two pages added or removed a pair before it.
 */
export const encodePairCursor = (p: CoFundingPairData): string =>
  Buffer.from(JSON.stringify([p.structures + p.dossiers, p.firstFunder, p.secondFunder])).toString("base64url");

export function decodePairCursor(cursor: string): PairPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (Array.isArray(value) && value.length === 3) {
      const [shared, firstFunder, secondFunder] = value as unknown[];
      if (Number.isInteger(shared) && typeof firstFunder === "string" && typeof secondFunder === "string")
        return { shared: shared as number, firstFunder, secondFunder };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw badInput("Curseur de paires invalide : reprenez le `endCursor` d'une page précédente.", "after");
}

/** The page of `sorted` (in comparePairs order) after the cursor, at most `first` pairs. */
export function pairsPage(sorted: readonly CoFundingPairData[], first: number, after?: string | null) {
  const position = after ? decodePairCursor(after) : null;
  const start = position ? sorted.findIndex((p) => comparePairs(position, p) < 0) : 0;
  const from = start < 0 ? sorted.length : start;
  const page = sorted.slice(from, from + first);
  const last = page.at(-1);
  return {
    page,
    pageInfo: {
      hasNextPage: from + page.length < sorted.length,
      hasPreviousPage: from > 0,
      startCursor: page.length ? encodePairCursor(page[0]) : null,
      endCursor: last ? encodePairCursor(last) : null,
    },
  };
}
