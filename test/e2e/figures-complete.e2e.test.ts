/**
 * Issue 11, "complete or flagged": with one funder subgraph down, every cross-financing figure says
 * it is partial. The gateway still calls the hub, without that funder's contribution; the sum of
 * the others must not come back as `total`. Fictitious data (test fixtures).
 */
import { startTestHub, TestHub } from "../support/hub";
import { call, grant, laureate, testSiret } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";
import { withFunderDown } from "../support/funder-down";

const siret = testSiret(1101);
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    ...withFunderDown("caf"),
    seed: async (s) => {
      const callId = await call(s, "ars", { regionCode: "52", year: 2024 });
      await laureate(s, "ars", callId, { siret, amount: 1_000, departments: ["44"], projectRef: "DOSSIER-FIG-1" });
      await grant(s, { departmentCode: "44", year: 2024, fund: FundingSource.CAF_FNP, siret, amount: 500, projectRef: "DOSSIER-FIG-1" });
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const FIGURE = "total complete missingFunders partialTotal funders bySource { source amount }";

test("one funder down: no figure reads as the total, each names the missing funder", async () => {
  const result = await hub.query(`{
    region(code: "52") { crossFinancing(year: 2024) { ${FIGURE} } departments { code crossFinancing(year: 2024) { ${FIGURE} } } }
    department(code: "44") { crossFinancing { ${FIGURE} } }
    structure(siret: "${siret}") { crossFinancing { ${FIGURE} } }
    project(ref: "DOSSIER-FIG-1") { crossFinancing { ${FIGURE} } }
  }`);
  expect(JSON.stringify(result.errors)).toMatch(/caf/);
  const partial = {
    total: null,
    complete: false,
    missingFunders: ["caf"],
    partialTotal: 1_000,
    funders: ["ARS Pays de la Loire"],
    bySource: [{ source: "FIR", amount: 1_000 }],
  };
  expect(result.data.region.crossFinancing).toEqual(partial);
  expect(result.data.department.crossFinancing).toEqual(partial);
  expect(result.data.structure.crossFinancing).toEqual(partial);
  expect(result.data.project.crossFinancing).toEqual(partial);
  // a department without any line is not complete either: the CAF may fund it
  const other = result.data.region.departments.find((d: { code: string }) => d.code === "49").crossFinancing;
  expect(other).toMatchObject({ total: null, complete: false, missingFunders: ["caf"], partialTotal: 0 });
});

test("the contract's operations still read: total null, never the partial sum", async () => {
  const result = await hub.query(
    `query RegionOverview($code: ID!, $year: Int) { region(code: $code) { name crossFinancing(year: $year) { total bySource { source amount } } } }`,
    { code: "52", year: 2024 },
  );
  expect(result.data.region.name).toBe("Pays de la Loire");
  expect(result.data.region.crossFinancing.total).toBeNull();
});

test("the exports never write a partial file: with a funder down they refuse, in French, naming what is missing", async () => {
  const origin = new URL(hub.gateway.url).origin;
  // the CAF's own grants: what the CAF subgraph holds is missing, the file is refused
  const response = await fetch(`${origin}/exports/scdl/caf/44.csv?annee=2024`);
  const text = await response.text();
  expect(response.status).not.toBe(200);
  expect(response.headers.get("content-type")).not.toMatch(/text\/csv/);
  expect(text).toMatch(/ne répond pas : ces données manquent/);
  // the laureates need nothing from the CAF (names come from the hub's directory): the file is whole
  const laureates = await fetch(`${origin}/exports/laureats.csv?annee=2024`);
  expect(laureates.status).toBe(200);
  expect(await laureates.text()).toContain(siret);
});
