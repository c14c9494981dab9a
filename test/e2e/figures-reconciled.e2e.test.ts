/**
 * Issue 11, "the same euro can count twice": a labelled Maison's forecast line and the credit its
 * department records for the same dossier and year; a project running in several departments,
 * counted in full in each. Both reconciled by the rules of schema/README.md. Fictitious data.
 */
import { startTestHub, TestHub } from "../support/hub";
import { call, credit, laureate, maison, testSiret } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";
import { MaisonDecision } from "../../subgraphs/maisons/maison.entities";

const carrier = testSiret(1301);
const laureateSiret = testSiret(1302);
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      await maison(s, {
        territoryCode: "04",
        carriers: [carrier],
        decision: MaisonDecision.LABELLED,
        criteria: {},
        projectRef: "MAISON-974-FIG",
        budget: [
          { year: 2024, source: FundingSource.DEPARTMENT, amount: 100_000 },
          { year: 2024, source: FundingSource.CAF_FNP, amount: 50_000 },
          { year: 2025, source: FundingSource.DEPARTMENT, amount: 40_000 },
        ],
      });
      // the department records what it actually grants that Maison in 2024 (not in 2025 yet)
      await credit(s, { departmentCode: "974", year: 2024, siret: carrier, amountCents: 8_000_000, projectRef: "MAISON-974-FIG" });
      const callId = await call(s, "ars", { regionCode: "52", year: 2024 });
      await laureate(s, "ars", callId, {
        siret: laureateSiret,
        amount: 1_000.01,
        departments: ["85", "44", "49"],
        projectRef: "LAUREAT-52-FIG",
      });
      await laureate(s, "ars", callId, { siret: testSiret(1303), amount: 200, departments: ["44"] });
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const FIGURE =
  "total complete forecastAmount bySource { source amount } byYear { year total } byFunder { funder amount forecastAmount replacedForecastAmount }";

test("a Maison's forecast is replaced by the credit recorded for the same dossier, source and year", async () => {
  const { data, errors } = await hub.query(`{
    region(code: "04") { crossFinancing { ${FIGURE} } }
    department(code: "974") { crossFinancing { ${FIGURE} } }
    project(ref: "MAISON-974-FIG") { crossFinancing { ${FIGURE} } }
    structure(siret: "${carrier}") { crossFinancing { ${FIGURE} } }
  }`);
  expect(errors).toBeUndefined();
  const expected = {
    // 80 000 recorded (replaces the 100 000 forecast) + 50 000 CAF forecast + 40 000 forecast for 2025
    total: 170_000,
    complete: true,
    forecastAmount: 90_000,
    bySource: [
      { source: "CAF_FNP", amount: 50_000 },
      { source: "DEPARTMENT", amount: 120_000 },
    ],
    byYear: [
      { year: 2024, total: 130_000 },
      { year: 2025, total: 40_000 },
    ],
    byFunder: [
      { funder: "CAF 974 La Réunion", amount: 50_000, forecastAmount: 50_000, replacedForecastAmount: 0 },
      { funder: "Conseil départemental 974 La Réunion", amount: 120_000, forecastAmount: 40_000, replacedForecastAmount: 100_000 },
    ],
  };
  expect(data.region.crossFinancing).toEqual(expected);
  expect(data.department.crossFinancing).toEqual(expected);
  expect(data.project.crossFinancing).toEqual(expected);
  expect(data.structure.crossFinancing).toEqual(expected);
});

test("a project in three departments: each department counts its share, the departments add up to the region to the cent", async () => {
  const { data, errors } = await hub.query(`{
    region(code: "52") { crossFinancing { total } departments { code crossFinancing { total } } }
    project(ref: "LAUREAT-52-FIG") { crossFinancing { total } }
    structure(siret: "${laureateSiret}") { crossFinancing { total } }
  }`);
  expect(errors).toBeUndefined();
  expect(data.region.crossFinancing.total).toBe(1_200.01);
  const byDepartment = Object.fromEntries(
    data.region.departments.map((d: { code: string; crossFinancing: { total: number } }) => [d.code, d.crossFinancing.total]),
  );
  // 100 001 cents in three: 33 334, 33 334, 33 333; the extra cents go to the first codes (44, 49)
  expect(byDepartment).toEqual({ "44": 533.34, "49": 333.34, "53": 0, "72": 0, "85": 333.33 });
  const departmentCents = Object.values(byDepartment).reduce((sum: number, t) => sum + Math.round((t as number) * 100), 0);
  expect(departmentCents).toBe(120_001);
  // the full amount still shows on the dossier and its structure
  expect(data.project.crossFinancing.total).toBe(1_000.01);
  expect(data.structure.crossFinancing.total).toBe(1_000.01);
});
