import { CoFundingPairData, comparePairs } from "./co-funding";
import { decodePairCursor, pairsPage } from "./co-funding-page";

const pair = (firstFunder: string, secondFunder: string, structures: number, dossiers = 0): CoFundingPairData => ({
  firstFunder,
  secondFunder,
  structures,
  dossiers,
  firstCents: 100,
  secondCents: 200,
});
const sorted = (pairs: CoFundingPairData[]) => [...pairs].sort(comparePairs);
const names = (pairs: readonly CoFundingPairData[]) => pairs.map((p) => `${p.firstFunder}+${p.secondFunder}`);

describe("pages of co-funding pairs", () => {
  const all = sorted([
    pair("ARS", "CAF 44", 3),
    pair("ARS", "DREETS", 2, 1),
    pair("CAF 44", "DREETS", 1),
    pair("ARS", "Conseil 44", 1),
    pair("Élan", "Zèbre", 1),
  ]);

  it("walks every pair once, in order, page after page", () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { page, pageInfo } = pairsPage(all, 2, after);
      seen.push(...names(page));
      pages++;
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(names(all));
    expect(seen).toEqual(["ARS+CAF 44", "ARS+DREETS", "ARS+Conseil 44", "CAF 44+DREETS", "Élan+Zèbre"]);
  });

  it("goes on after the last pair given even when a write moved the list in between", () => {
    const first = pairsPage(all, 2);
    // a new pair sorts before the cursor: the next page neither repeats nor skips a pair
    const after = sorted([...all, pair("AAA", "BBB", 9)]);
    expect(names(pairsPage(after, 2, first.pageInfo.endCursor).page)).toEqual(["ARS+Conseil 44", "CAF 44+DREETS"]);
    // the cursor's own pair gone: the next one still follows
    const without = all.filter((p) => p.secondFunder !== "DREETS" || p.firstFunder !== "ARS");
    expect(names(pairsPage(without, 2, first.pageInfo.endCursor).page)).toEqual(["ARS+Conseil 44", "CAF 44+DREETS"]);
  });

  it("says where a page is: first and last cursors, whether pairs come before and after", () => {
    const { pageInfo } = pairsPage(all, 2, pairsPage(all, 2).pageInfo.endCursor);
    expect(pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(decodePairCursor(pageInfo.startCursor!)).toEqual({ shared: 1, firstFunder: "ARS", secondFunder: "Conseil 44" });
    expect(pairsPage([], 2).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it.each(["", "abc", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["1","a","b"]').toString("base64url")])(
    "refuses a cursor it did not give: %p",
    (cursor) => {
      expect(() => decodePairCursor(cursor)).toThrow(/Curseur de paires invalide/);
    },
  );
});
