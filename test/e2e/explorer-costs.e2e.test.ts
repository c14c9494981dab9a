/**
 * What the explorer costs, and what it does not: its figures run the same SQL statements and
 * subgraph calls on a region of 5 structures as on one of 200 (no N+1: one statement per loader
 * batch), and the contract's reads cost exactly what they cost before the explorer was added
 * (measured then, on this fixture, SQLite and PostgreSQL alike). Fictitious data.
 */
import { startTestHub, TestHub } from "../support/hub";
import { Json } from "../support/json";
import { contractQuery } from "../support/contract";
import { seedBusyRegion } from "../support/bulk-fixtures";

let hub: TestHub;
let large: string[];
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      await seedBusyRegion(s, "24", 5, 2_000);
      large = await seedBusyRegion(s, "75", 200, 6_000);
    },
  });
}, 120_000);
afterAll(() => (hub as TestHub | undefined)?.stop());

type Cost = Record<string, [requests: number, sqlStatements: number]>;
/** Per subgraph, [GraphQL requests, SQL statements] of one read (each read once: the response cache stays out of it). */
async function costOf(query: string, variables: Record<string, unknown>): Promise<{ cost: Cost; data: Json }> {
  let answer: Json;
  const measured = await hub.measure(async () => {
    answer = await hub.query(query, variables);
  });
  expect(answer.errors).toBeUndefined();
  return {
    cost: Object.fromEntries(Object.entries(measured).map(([name, c]) => [name, [c.requests, c.sqlStatements]])),
    data: answer.data,
  };
}

/** Measured on this fixture before the explorer's fields and the funders' `details` existed. */
const CONTRACT_COSTS_BEFORE: Record<string, Cost> = {
  RegionDashboard: { hub: [2, 4], ars: [1, 4], dreets: [1, 4], caf: [1, 2], maisons: [1, 1], departements: [1, 1] },
  StructureFinancing: { hub: [2, 1], ars: [1, 3], dreets: [1, 3], caf: [1, 2], maisons: [1, 2], departements: [1, 1] },
  CoFinancedProject: { hub: [2, 0], ars: [1, 2], dreets: [1, 2], caf: [1, 2], maisons: [1, 1], departements: [1, 1] },
  NationalLaureates: { hub: [1, 2], ars: [1, 3], dreets: [1, 3], caf: [0, 0], maisons: [0, 0], departements: [0, 0] },
  CafDepartment: { hub: [1, 2], ars: [1, 1], dreets: [1, 1], caf: [1, 1], maisons: [0, 0], departements: [0, 0] },
  MaisonsBoard: { hub: [1, 1], ars: [0, 0], dreets: [0, 0], caf: [0, 0], maisons: [1, 1], departements: [0, 0] },
};

test("the contract's reads cost what they cost before the explorer: the funders' details are never read for them", async () => {
  const variables: Record<string, Record<string, unknown>> = {
    RegionDashboard: { region: "75", year: 2021 },
    StructureFinancing: { siret: large[0] },
    CoFinancedProject: { ref: "BULK-75-0" },
    NationalLaureates: { year: 2021, first: 50 },
    CafDepartment: { department: "33", year: 2021 },
    MaisonsBoard: {},
  };
  const costs: Record<string, Cost> = {};
  for (const name of Object.keys(CONTRACT_COSTS_BEFORE)) costs[name] = (await costOf(contractQuery(name), variables[name])).cost;
  expect(costs).toEqual(CONTRACT_COSTS_BEFORE);
});

const EXPLORE = `query Explore($region: ID!) {
  region(code: $region) {
    crossFinancing(year: 2021) { total }
    crossFinancingByAxis(year: 2021) { total byAxis { axis amount lines } withoutAxis }
    coFunding(year: 2021, first: 200) { totalCount pairs { firstFunder secondFunder structures dossiers } }
    departments { code crossFinancingByAxis(year: 2021) { total } coFunding(year: 2021) { totalCount } }
    healthCalls(year: 2021) { projects { structure { crossFinancingByAxis(year: 2021) { total } } project { crossFinancingByAxis(year: 2021) { total } } } }
  }
}`;

test("the explorer's figures: the same statements and calls for 5 structures as for 200", async () => {
  const small = await costOf(EXPLORE, { region: "24" });
  const busy = await costOf(EXPLORE, { region: "75" });
  expect(busy.data.region.healthCalls[0].projects).toHaveLength(200);
  expect(busy.data.region.crossFinancingByAxis.total).toBe(busy.data.region.crossFinancing.total);
  expect(busy.data.region.coFunding.totalCount).toBeGreaterThan(0);
  if (process.env.SHOW_COSTS) console.log(JSON.stringify(busy.cost));
  expect(busy.cost).toEqual(small.cost);
  // a few statements per funder, whatever the data: one per loader batch (the region's and its
  // departments' details, its structures', its dossiers'; the ARS also reads its calls and laureates)
  expect(busy.cost).toEqual({ hub: [3, 4], ars: [2, 7], dreets: [2, 5], caf: [2, 4], maisons: [2, 4], departements: [2, 4] });
});
