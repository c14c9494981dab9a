/**
 * Issue 15, who co-finances with whom, on the fixture of test/support/explorer-fixture.ts
 * (fictitious), pairs computed by hand from its table; then the same figures with a funder down.
 */
import { startTestHub, TestHub } from "../support/hub";
import { seedExplorerFixture } from "../support/explorer-fixture";
import { withFunderDown } from "../support/funder-down";

const PAIRS =
  "complete missingFunders totalCount pairs { firstFunder secondFunder structures dossiers firstFunderAmount secondFunderAmount }";
const ARS = "ARS Pays de la Loire";
const DREETS = "DREETS Pays de la Loire";
const CAF44 = "CAF 44 Loire-Atlantique";
const CD44 = "Conseil départemental 44 Loire-Atlantique";
const pair = (
  firstFunder: string,
  secondFunder: string,
  structures: number,
  dossiers: number,
  firstFunderAmount: number,
  secondFunderAmount: number,
) => ({ firstFunder, secondFunder, structures, dossiers, firstFunderAmount, secondFunderAmount });

describe("every funder answering", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ seed: seedExplorerFixture });
  }, 120_000);
  afterAll(() => (hub as TestHub | undefined)?.stop());

  test("a region: the pairs sharing a structure or a dossier, most shared first; a funder alone makes none; a withdrawn project counts for nothing", async () => {
    const { data, errors } = await hub.query(`{ region(code: "52") { coFunding(year: 2024) { ${PAIRS} } } }`);
    expect(errors).toBeUndefined();
    expect(data.region.coFunding).toEqual({
      complete: true,
      missingFunders: [],
      totalCount: 5,
      pairs: [
        // S1 and S2 (not S3: the ARS's L3 is withdrawn); ARS L1 + L2, CAF G1 + G2
        pair(ARS, CAF44, 2, 0, 13_000.01, 2_300),
        // S1 and EXP-D1: L1, M1
        pair(ARS, DREETS, 1, 1, 10_000.01, 4_000),
        // S2 and EXP-D2: G2, C1
        pair(CAF44, CD44, 1, 1, 800, 1_200),
        // S2: L2, C1
        pair(ARS, CD44, 1, 0, 3_000, 1_200),
        // S1: G1, M1
        pair(CAF44, DREETS, 1, 0, 1_500, 4_000),
      ],
    });
    // the CAF of Maine-et-Loire funds S4 alone: in no pair
    expect(JSON.stringify(data.region.coFunding.pairs)).not.toMatch(/CAF 49/);
  });

  test("a department: a laureate in several departments counts for its share", async () => {
    const { data, errors } = await hub.query(`{
      d44: department(code: "44") { coFunding(year: 2024) { ${PAIRS} } }
      d49: department(code: "49") { coFunding(year: 2024) { ${PAIRS} } }
      d53: department(code: "53") { coFunding(year: 2024) { ${PAIRS} } }
    }`);
    expect(errors).toBeUndefined();
    // L1's share in 44 is 5 000.01, M1's 2 000
    expect(data.d44.coFunding.pairs).toEqual([
      pair(ARS, CAF44, 2, 0, 8_000.01, 2_300),
      pair(ARS, DREETS, 1, 1, 5_000.01, 2_000),
      pair(CAF44, CD44, 1, 1, 800, 1_200),
      pair(ARS, CD44, 1, 0, 3_000, 1_200),
      pair(CAF44, DREETS, 1, 0, 1_500, 2_000),
    ]);
    expect(data.d49.coFunding).toEqual({
      complete: true,
      missingFunders: [],
      totalCount: 1,
      pairs: [pair(ARS, DREETS, 1, 1, 5_000, 2_000)],
    });
    expect(data.d53.coFunding).toEqual({ complete: true, missingFunders: [], totalCount: 0, pairs: [] });
  });

  test("a Maison's forecast replaced by the department's credit counts once, the recorded amount", async () => {
    const { data, errors } = await hub.query(
      `{ region(code: "04") { coFunding(year: 2024) { ${PAIRS} } } department(code: "974") { coFunding(year: 2024) { totalCount } } }`,
    );
    expect(errors).toBeUndefined();
    // the lead carrier S5 and EXP-MAISON: FIR 50 000 and CAF 10 000 forecasts, the department's 15 000 (its 20 000 forecast replaced)
    const ars = "ARS La Réunion";
    const caf = "CAF 974 La Réunion";
    const cd = "Conseil départemental 974 La Réunion";
    expect(data.region.coFunding).toEqual({
      complete: true,
      missingFunders: [],
      totalCount: 3,
      pairs: [pair(ars, caf, 1, 1, 50_000, 10_000), pair(ars, cd, 1, 1, 50_000, 15_000), pair(caf, cd, 1, 1, 10_000, 15_000)],
    });
    expect(data.department.coFunding.totalCount).toBe(3);
  });

  test("another year, and the bound: `first` pairs at most, refused beyond 200", async () => {
    const { data, errors } = await hub.query(
      `{ region(code: "52") { y2023: coFunding(year: 2023) { totalCount } top: coFunding(year: 2024, first: 2) { totalCount pairs { firstFunder secondFunder } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.region.y2023.totalCount).toBe(0); // G5 alone
    expect(data.region.top).toEqual({
      totalCount: 5,
      pairs: [
        { firstFunder: ARS, secondFunder: CAF44 },
        { firstFunder: ARS, secondFunder: DREETS },
      ],
    });
    // the next pages, by cursor: the five pairs once each, in the same order as one page of 200
    const whole = await hub.query(`{ region(code: "52") { coFunding(year: 2024, first: 200) { pairs { firstFunder secondFunder } } } }`);
    const walked: unknown[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const next = await hub.query(
        `query($after: String) { region(code: "52") { coFunding(year: 2024, first: 2, after: $after) { pageInfo { hasNextPage endCursor } pairs { firstFunder secondFunder } } } }`,
        { after },
      );
      expect(next.errors).toBeUndefined();
      walked.push(...next.data.region.coFunding.pairs);
      if (!next.data.region.coFunding.pageInfo.hasNextPage) break;
      after = next.data.region.coFunding.pageInfo.endCursor;
    }
    expect(walked).toEqual(whole.data.region.coFunding.pairs);
    expect(walked).toHaveLength(5);
    const badCursor = await hub.query(`{ region(code: "52") { coFunding(year: 2024, after: "pas-un-curseur") { totalCount } } }`);
    expect(badCursor.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Curseur de paires invalide/),
      extensions: { code: "BAD_USER_INPUT" },
    });
    const refused = await hub.query(`{ region(code: "52") { coFunding(year: 2024, first: 201) { totalCount } } }`);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/first.*entre 0 et 200/),
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("a funder down", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ ...withFunderDown("caf"), seed: seedExplorerFixture });
  }, 120_000);
  afterAll(() => (hub as TestHub | undefined)?.stop());

  test("both figures say they are partial and name it; the total is null, never the others' sum", async () => {
    const result = await hub.query(`{
      region(code: "52") { crossFinancingByAxis(year: 2024) { total complete missingFunders partialTotal withoutAxis } coFunding(year: 2024) { ${PAIRS} } }
      department(code: "44") { crossFinancingByAxis(year: 2024) { total complete missingFunders } coFunding(year: 2024) { complete missingFunders totalCount } }
    }`);
    expect(JSON.stringify(result.errors)).toMatch(/caf/);
    // without the CAF's G1–G4: 21 350.51 − 3 150.50; G1 was the only line without an axis
    expect(result.data.region.crossFinancingByAxis).toEqual({
      total: null,
      complete: false,
      missingFunders: ["caf"],
      partialTotal: 18_200.01,
      withoutAxis: 0,
    });
    expect(result.data.region.coFunding).toEqual({
      complete: false,
      missingFunders: ["caf"],
      totalCount: 2,
      pairs: [pair(ARS, DREETS, 1, 1, 10_000.01, 4_000), pair(ARS, CD44, 1, 0, 3_000, 1_200)],
    });
    expect(result.data.department.crossFinancingByAxis).toEqual({ total: null, complete: false, missingFunders: ["caf"] });
    expect(result.data.department.coFunding).toEqual({ complete: false, missingFunders: ["caf"], totalCount: 2 });
  });
});
