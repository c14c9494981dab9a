/**
 * Who co-finances with whom (subgraphs/hub/explorer/co-funding.ts): a hand-computed example, then
 * properties over random lines (fast-check): a pair's amounts never exceed what each funder counts
 * in the territory, the pairs do not depend on the order of the lines or of the names, and a
 * funder alone makes no pair.
 */
import fc from "fast-check";
import { FundingSource } from "../../subgraphs/domain/enums";
import { crossFinancing } from "../../subgraphs/domain/financing/cross-financing";
import { coFundingPairs } from "../../subgraphs/hub/explorer/co-funding";
import { FundingDetailData } from "../../subgraphs/hub/contribution-fields";
import { detailsArb, FUNDERS } from "../support/detail-arbitrary";

const line = (
  funder: string,
  cents: number,
  siret: string | null,
  dossier: string | null,
  over: Partial<FundingDetailData> = {},
): FundingDetailData => ({ year: 2024, source: FundingSource.OTHER, funder, cents, dossier, forecast: false, siret, axes: [], ...over });

test("a line counts for a pair when its SIRET or its dossier is shared by the two; the forecast a funder replaced counts for nothing", () => {
  const pairs = coFundingPairs(
    [
      line("B", 100, "S1", null),
      line("B", 7, "S9", "D1"),
      line("B", 1_000, "S8", null),
      line("A", 50, "S1", "D1"),
      line("A", 3, "S7", null),
      // a forecast of C for dossier D2, and C's actual for it: only the actual counts
      line("C", 500, "S1", "D2", { forecast: true, source: FundingSource.DEPARTMENT }),
      line("C", 400, "S1", "D2", { source: FundingSource.DEPARTMENT }),
      line("D", 9, "S6", null), // alone
      line("A", 1, "S6", null, { year: 2023 }), // another year
    ],
    2024,
  );
  expect(pairs).toEqual([
    { firstFunder: "A", secondFunder: "B", structures: 1, dossiers: 1, firstCents: 50, secondCents: 107 },
    { firstFunder: "A", secondFunder: "C", structures: 1, dossiers: 0, firstCents: 50, secondCents: 400 },
    { firstFunder: "B", secondFunder: "C", structures: 1, dossiers: 0, firstCents: 100, secondCents: 400 },
  ]);
});

test("names in French alphabetical order (accents and case after the letters), the most shared first", () => {
  const pairs = coFundingPairs(
    [
      line("Été", 1, "S1", null),
      line("école", 1, "S1", "D"),
      line("Zoé", 1, "S2", "D"),
      line("été", 1, "S2", "E"),
      line("Abel", 1, "S3", "E"),
    ],
    2024,
  );
  // Abel–été share E only; école–Été S1; école–Zoé D; été–Zoé S2: one each, then by the names
  expect(pairs.map((p) => [p.firstFunder, p.secondFunder])).toEqual([
    ["Abel", "été"],
    ["école", "Été"],
    ["école", "Zoé"],
    ["été", "Zoé"],
  ]);
});

test("a pair's amounts never exceed what each of the two counts in the territory", () => {
  fc.assert(
    fc.property(detailsArb, (details) => {
      const counted = new Map(crossFinancing(details, 2024).byFunder.map((f) => [f.funder, f.cents]));
      for (const p of coFundingPairs(details, 2024)) {
        expect(p.firstCents).toBeLessThanOrEqual(counted.get(p.firstFunder)!);
        expect(p.secondCents).toBeLessThanOrEqual(counted.get(p.secondFunder)!);
        expect(p.structures + p.dossiers).toBeGreaterThan(0);
      }
    }),
  );
});

test("symmetric: the order of the lines changes nothing, and names that sort the other way swap the two sides", () => {
  // a renaming that reverses the alphabetical order of the funders
  const reversed = new Map<string, string>(
    [...FUNDERS].sort((a, b) => a.localeCompare(b, "fr")).map((f, i) => [f, `${String.fromCharCode(90 - i)} ${f}`]),
  );
  fc.assert(
    fc.property(detailsArb, (details) => {
      const pairs = coFundingPairs(details, 2024);
      expect(coFundingPairs([...details].reverse(), 2024)).toEqual(pairs);
      const renamed = coFundingPairs(
        details.map((d) => ({ ...d, funder: reversed.get(d.funder)! })),
        2024,
      );
      const swapped = pairs.map((p) => ({
        firstFunder: reversed.get(p.secondFunder),
        secondFunder: reversed.get(p.firstFunder),
        structures: p.structures,
        dossiers: p.dossiers,
        firstCents: p.secondCents,
        secondCents: p.firstCents,
      }));
      const key = (p: { firstFunder?: string; secondFunder?: string }) => `${p.firstFunder}|${p.secondFunder}`;
      expect([...renamed].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(swapped.sort((a, b) => key(a).localeCompare(key(b))));
    }),
  );
});

test("a funder alone makes no pair, whatever its lines", () => {
  fc.assert(
    fc.property(detailsArb, fc.constantFrom(...FUNDERS), (details, funder) => {
      expect(
        coFundingPairs(
          details.map((d) => ({ ...d, funder })),
          2024,
        ),
      ).toEqual([]);
    }),
  );
});

test("sorted by what the pair shares, descending, then by the names", () => {
  fc.assert(
    fc.property(detailsArb, (details) => {
      const pairs = coFundingPairs(details, 2024);
      for (const [a, b] of pairs.slice(1).map((p, i) => [pairs[i], p])) {
        const order =
          b.structures + b.dossiers - (a.structures + a.dossiers) ||
          a.firstFunder.localeCompare(b.firstFunder, "fr") ||
          a.secondFunder.localeCompare(b.secondFunder, "fr");
        expect(order).toBeLessThanOrEqual(0);
      }
      for (const p of pairs) expect(p.firstFunder.localeCompare(p.secondFunder, "fr")).toBeLessThan(0);
    }),
  );
});
