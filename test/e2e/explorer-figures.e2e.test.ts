/**
 * Issue 15, the explorer: cross-financing by axis on the fixture of test/support/explorer-fixture.ts
 * (fictitious), expected figures computed by hand from its table. A line on several axes counts
 * in full in each of them, so the axes do not add up to the total; the total is crossFinancing's.
 */
import { startTestHub, TestHub } from "../support/hub";
import { S, seedExplorerFixture } from "../support/explorer-fixture";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ seed: seedExplorerFixture });
}, 120_000);
afterAll(() => (hub as TestHub | undefined)?.stop());

const BY_AXIS = "total complete missingFunders partialTotal byAxis { axis amount lines funders } withoutAxis withoutAxisLines";
const ARS = "ARS Pays de la Loire";
const DREETS = "DREETS Pays de la Loire";
const CAF44 = "CAF 44 Loire-Atlantique";
const CAF49 = "CAF 49 Maine-et-Loire";
const CD44 = "Conseil départemental 44 Loire-Atlantique";
/** The six axes in order, from [amount, lines, funders] (an axis without money: 0, 0, none). */
const axes = (...rows: [number, number, string[]][]) =>
  ["SCREENING_CONTINUITY", "HEALTH_PROMOTION", "PARENT_ISOLATION", "CULTURAL_AWAKENING", "WORK_LIFE_BALANCE", "SECOND_PARENT"].map(
    (axis, i) => ({ axis, amount: rows[i][0], lines: rows[i][1], funders: rows[i][2] }),
  );
const complete = (total: number) => ({ total, complete: true, missingFunders: [], partialTotal: total });

test("a region: every counted line once in the total, in full on each of its axes", async () => {
  const { data, errors } = await hub.query(
    `{ region(code: "52") { crossFinancing(year: 2024) { total } crossFinancingByAxis(year: 2024) { ${BY_AXIS} } } }`,
  );
  expect(errors).toBeUndefined();
  // L1 10 000.01 + L2 3 000 + M1 4 000 + G1 1 500 + G2 800 + G3 600 + G4 250.50 + C1 1 200 (L3 withdrawn, G5 is 2023)
  expect(data.region.crossFinancing.total).toBe(21_350.51);
  expect(data.region.crossFinancingByAxis).toEqual({
    ...complete(21_350.51),
    byAxis: axes(
      [10_000.01, 1, [ARS]], // L1
      [4_200, 2, [ARS, CD44]], // L2 3 000 + C1 1 200
      [14_000.01, 2, [ARS, DREETS]], // L1 10 000.01 + M1 4 000
      [800, 1, [CAF44]], // G2
      [250.5, 1, [CAF49]], // G4
      [1_400, 2, [CAF44]], // G2 800 + G3 600 (L3, withdrawn, not counted)
    ),
    withoutAxis: 1_500,
    withoutAxisLines: 1, // G1
  });
  // L1 and G2 are on two axes each: the axes add up to more than the total
  const axesSum: number = data.region.crossFinancingByAxis.byAxis.reduce(
    (sum: number, a: { amount: number }) => sum + Math.round(a.amount * 100),
    0,
  );
  expect(axesSum + 1_500_00).toBe(21_350_51 + 10_000_01 + 800_00);
});

test("a department counts its share of a laureate in several departments, to the cent, as crossFinancing does", async () => {
  const { data, errors } = await hub.query(`{
    d44: department(code: "44") { crossFinancing(year: 2024) { total } crossFinancingByAxis(year: 2024) { ${BY_AXIS} } }
    d49: department(code: "49") { crossFinancing(year: 2024) { total } crossFinancingByAxis(year: 2024) { ${BY_AXIS} } }
  }`);
  expect(errors).toBeUndefined();
  // L1: 1 000 001 cents in two, the extra cent to 44 (the first code): 5 000.01 in 44, 5 000 in 49; M1: 2 000 each
  expect(data.d44.crossFinancingByAxis).toEqual({
    ...complete(14_100.01), // 5 000.01 + 3 000 + 2 000 + 1 500 + 800 + 600 + 1 200
    byAxis: axes(
      [5_000.01, 1, [ARS]],
      [4_200, 2, [ARS, CD44]],
      [7_000.01, 2, [ARS, DREETS]],
      [800, 1, [CAF44]],
      [0, 0, []],
      [1_400, 2, [CAF44]],
    ),
    withoutAxis: 1_500,
    withoutAxisLines: 1,
  });
  expect(data.d49.crossFinancingByAxis).toEqual({
    ...complete(7_250.5), // 5 000 + 2 000 + 250.50
    byAxis: axes([5_000, 1, [ARS]], [0, 0, []], [7_000, 2, [ARS, DREETS]], [0, 0, []], [250.5, 1, [CAF49]], [0, 0, []]),
    withoutAxis: 0,
    withoutAxisLines: 0,
  });
  expect(data.d44.crossFinancingByAxis.total).toBe(data.d44.crossFinancing.total);
  expect(data.d49.crossFinancingByAxis.total).toBe(data.d49.crossFinancing.total);
});

test("a structure (every year when none is given) and a dossier", async () => {
  const { data, errors } = await hub.query(`{
    structure(siret: "${S[1]}") { crossFinancing { total } crossFinancingByAxis { ${BY_AXIS} } y2024: crossFinancingByAxis(year: 2024) { total withoutAxis } }
    project(ref: "EXP-D1") { crossFinancing(year: 2024) { total } crossFinancingByAxis(year: 2024) { ${BY_AXIS} } }
  }`);
  expect(errors).toBeUndefined();
  // S1: L1 10 000.01 (in full on its structure), M1 4 000, G1 1 500 and, in 2023, G5 999
  expect(data.structure.crossFinancingByAxis).toEqual({
    ...complete(16_499.01),
    byAxis: axes([10_000.01, 1, [ARS]], [0, 0, []], [14_000.01, 2, [ARS, DREETS]], [0, 0, []], [0, 0, []], [0, 0, []]),
    withoutAxis: 2_499,
    withoutAxisLines: 2,
  });
  expect(data.structure.crossFinancing.total).toBe(16_499.01);
  expect(data.structure.y2024).toEqual({ total: 15_500.01, withoutAxis: 1_500 });
  expect(data.project.crossFinancingByAxis).toEqual({
    ...complete(14_000.01), // L1 + M1, in full on the dossier
    byAxis: axes([10_000.01, 1, [ARS]], [0, 0, []], [14_000.01, 2, [ARS, DREETS]], [0, 0, []], [0, 0, []], [0, 0, []]),
    withoutAxis: 0,
    withoutAxisLines: 0,
  });
  expect(data.project.crossFinancing.total).toBe(14_000.01);
});

test("a Maison: its departmental forecast replaced by the recorded credit, counted once; its budget has no axes", async () => {
  const { data, errors } = await hub.query(`{
    region(code: "04") { crossFinancing(year: 2024) { total } crossFinancingByAxis(year: 2024) { ${BY_AXIS} } }
    project(ref: "EXP-MAISON") { crossFinancingByAxis(year: 2024) { total withoutAxis } }
    lead: structure(siret: "${S[5]}") { crossFinancingByAxis(year: 2024) { total } }
    second: structure(siret: "${S[6]}") { crossFinancingByAxis(year: 2024) { total } }
  }`);
  expect(errors).toBeUndefined();
  // FIR 50 000 + CAF 10 000 (forecasts, no axes) + the department's 15 000 (axis 1), its 20 000 forecast replaced
  expect(data.region.crossFinancingByAxis).toEqual({
    ...complete(75_000),
    byAxis: axes([15_000, 1, ["Conseil départemental 974 La Réunion"]], [0, 0, []], [0, 0, []], [0, 0, []], [0, 0, []], [0, 0, []]),
    withoutAxis: 60_000,
    withoutAxisLines: 2,
  });
  expect(data.region.crossFinancing.total).toBe(75_000);
  expect(data.project.crossFinancingByAxis).toEqual({ total: 75_000, withoutAxis: 60_000 });
  // the Maison's budget counts for its lead carrier only, as crossFinancing counts it
  expect(data.lead.crossFinancingByAxis.total).toBe(75_000);
  expect(data.second.crossFinancingByAxis.total).toBe(0);
});

test("every figure's total is crossFinancing's, on every department of the region", async () => {
  const { data, errors } = await hub.query(
    `{ region(code: "52") { departments { code crossFinancing(year: 2024) { total } crossFinancingByAxis(year: 2024) { total } } } }`,
  );
  expect(errors).toBeUndefined();
  for (const d of data.region.departments)
    expect({ code: d.code, total: d.crossFinancingByAxis.total }).toEqual({ code: d.code, total: d.crossFinancing.total });
});
