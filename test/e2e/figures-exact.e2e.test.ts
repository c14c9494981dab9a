/**
 * Issue 11, "a typo can zero a region": whatever is stored, a total is exact, or an error, or
 * flagged incomplete; never a wrong number, never 0. Rows are written straight into the funders'
 * databases (the write-side ceiling aside, old rows or another tool may hold anything). Fictitious data.
 */
import { startTestHub, TestHub } from "../support/hub";
import { credit, grant, testSiret } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      // Pays de la Loire: three grants of 45 000 000 000 000 € in 44, a sum past 2^53 cents
      for (const n of [1, 2, 3])
        await grant(s, {
          departmentCode: "44",
          year: 2024,
          fund: FundingSource.CAF_FNP,
          siret: testSiret(1200 + n),
          amount: 45_000_000_000_000,
        });
      await grant(s, { departmentCode: "49", year: 2024, fund: FundingSource.CAF_FNP, siret: testSiret(1205), amount: 100 });
      // Bretagne: two rows of 2^62 cents in 35, a sum past a 64-bit integer (SQL overflow)
      const table = s.caf.database.dataSource.getRepository(ParentalityGrantRow).metadata.tablePath;
      for (const n of [1, 2])
        await grant(s, { departmentCode: "35", year: 2024, fund: FundingSource.CAF_FNP, siret: testSiret(1210 + n), amount: 1 });
      await s.caf.database.dataSource.query(`UPDATE ${table} SET amount_cents = 4611686018427387904 WHERE department_code = '35'`);
      // Île-de-France: amounts at the write ceiling and single cents
      for (const n of [1, 2, 3, 4, 5])
        await grant(s, {
          departmentCode: "75",
          year: 2024,
          fund: FundingSource.CAF_REAAP,
          siret: testSiret(1230 + n),
          amount: 999_999_999.99,
        });
      await grant(s, { departmentCode: "75", year: 2024, fund: FundingSource.CAF_LAEP, siret: testSiret(1236), amount: 0.07 });
      await credit(s, { departmentCode: "75", year: 2024, siret: testSiret(1237), amountCents: 1 });
      // Normandie: each funder's sum is exact, their sum across funders is not (2 x 5e15 cents)
      await grant(s, { departmentCode: "14", year: 2024, fund: FundingSource.CAF_FNP, siret: testSiret(1220), amount: 50_000_000_000_000 });
      await credit(s, { departmentCode: "14", year: 2024, siret: testSiret(1220), amountCents: 5_000_000_000_000_000 });
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const read = (region: string, department: string) =>
  hub.query(`{
  region(code: "${region}") { crossFinancing(year: 2024) { total complete missingFunders partialTotal } }
  department(code: "${department}") { crossFinancing(year: 2024) { total complete missingFunders partialTotal } }
}`);

test("a sum past 2^53 cents in one funder: the region is not 0, it is flagged incomplete with an error", async () => {
  const { data, errors } = await read("52", "44");
  expect(errors?.length).toBeGreaterThan(0);
  for (const figure of [data.region.crossFinancing, data.department.crossFinancing]) {
    expect(figure).toEqual({ total: null, complete: false, missingFunders: ["caf"], partialTotal: 0 });
  }
});

test("a sum past 64 bits in SQL: an error and a flagged figure on every database, never a wrapped number", async () => {
  const { data, errors } = await read("53", "35");
  expect(errors?.length).toBeGreaterThan(0);
  expect(data.region.crossFinancing).toEqual({ total: null, complete: false, missingFunders: ["caf"], partialTotal: 0 });
  expect(data.department.crossFinancing).toEqual({ total: null, complete: false, missingFunders: ["caf"], partialTotal: 0 });
});

test("funders each exact, their sum not: the figure is refused with a French message, not rounded", async () => {
  const { data, errors } = await read("28", "14");
  expect(data.region.crossFinancing).toBeNull();
  expect(data.department.crossFinancing).toBeNull();
  expect(errors?.map((e) => e.extensions?.code)).toContain("AMOUNT_OUT_OF_RANGE");
  expect(errors?.[0].message).toMatch(/impossibles à calculer exactement/);
});

test("one department out of range fails its region, not the departments beside it", async () => {
  const { data, errors } = await read("52", "49");
  expect(errors?.length).toBeGreaterThan(0); // 44 still fails the region
  expect(data.region.crossFinancing.total).toBeNull();
  expect(data.department.crossFinancing).toEqual({ total: 100, complete: true, missingFunders: [], partialTotal: 100 });
});

test("at national scale, sums stay exact to the cent", async () => {
  const { data, errors } = await read("11", "75");
  expect(errors).toBeUndefined();
  // 5 x 999 999 999,99 € + 0,07 € + 0,01 € (departmental credit)
  expect(data.region.crossFinancing).toEqual({
    total: 5_000_000_000.03,
    complete: true,
    missingFunders: [],
    partialTotal: 5_000_000_000.03,
  });
  expect(data.department.crossFinancing.total).toBe(5_000_000_000.03);
});
