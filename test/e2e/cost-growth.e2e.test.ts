/**
 * How cost grows: each contract read makes the same subgraph calls at two data sizes (the
 * benchmark's dataset, bench/dataset.ts, at 1 % and 4 % of the national scale: four times the
 * rows), counted per subgraph, not timed. The expected table is also what each funder subgraph
 * adds: one call per region dashboard, structure page and dossier (each funder shows its figures
 * there), and nothing to the national laureates list but for the two that run regional calls.
 */
import { NATIONAL_SCALE, loadDataset, planDataset, scaled } from "../../bench/dataset";
import { FUNDER_SUBGRAPHS } from "../../subgraphs/registry";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";

const YEAR = 2021;
type Calls = Record<string, number>;

/** The calls of one uncached read of each contract read, on a fresh hub holding `factor` of the national data. */
async function callsAt(factor: number): Promise<Record<string, Calls>> {
  let samples: Awaited<ReturnType<typeof loadDataset>> | undefined;
  const hub: TestHub = await startTestHub({
    seed: async (subgraphs) => {
      const databases = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.database.dataSource]));
      samples = await loadDataset(databases, planDataset(scaled(NATIONAL_SCALE, factor)));
    },
  });
  try {
    if (!samples) throw new Error("jeu de données absent");
    const reads: [string, Record<string, unknown>][] = [
      ["RegionDashboard", { region: samples.regions[0], year: YEAR }],
      ["StructureFinancing", { siret: samples.cofundedSirets[0] }],
      ["CoFinancedProject", { ref: samples.cofinancedRefs[0] }],
      ["NationalLaureates", { year: YEAR, first: 100, after: null }],
    ];
    const calls: Record<string, Calls> = {};
    for (const [operation, variables] of reads) {
      const spent = await hub.measure(async () => {
        const result = await hub.query(contractQuery(operation), variables, operation);
        expect(result.errors).toBeUndefined();
      });
      calls[operation] = Object.fromEntries(Object.entries(spent).map(([name, s]) => [name, s.requests]));
    }
    return calls;
  } finally {
    await hub.stop();
  }
}

test("subgraph calls per contract read do not grow with the data; each funder adds one call where it shows", async () => {
  const small = await callsAt(0.01);
  const large = await callsAt(0.04);
  expect(large).toEqual(small);
  const funders = FUNDER_SUBGRAPHS.map((m) => m.name);
  // the hub twice (its root field, then the directory's names and the figures it sums), each funder once
  const everyFunderOnce = { hub: 2, ...Object.fromEntries(funders.map((name) => [name, 1])) };
  expect(small.RegionDashboard).toEqual(everyFunderOnce);
  expect(small.StructureFinancing).toEqual(everyFunderOnce);
  expect(small.CoFinancedProject).toEqual(everyFunderOnce);
  // the national list: the ARS's and the DREETS's laureates, their structures' names from the hub
  expect(small.NationalLaureates).toEqual({
    hub: 1,
    ...Object.fromEntries(funders.map((name) => [name, ["ars", "dreets"].includes(name) ? 1 : 0])),
  });
}, 180_000);
