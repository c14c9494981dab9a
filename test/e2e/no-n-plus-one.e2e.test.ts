/**
 * No N+1: RegionDashboard on a region with 10 laureate projects and on one with 500 costs each
 * subgraph the same number of SQL statements, and the gateway the same number of subgraph calls.
 */
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { StructureRow } from "../../subgraphs/domain/structure.entity";
import { recordStructureNames } from "../../subgraphs/hub/directory/record";
import { CallRow } from "../../subgraphs/regional-call/call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "../../subgraphs/regional-call/laureate-project.entity";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import { departmentsOf } from "../../subgraphs/domain/reference/cog";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { testSiret } from "../support/fixtures";
import { Json } from "../support/json";

/** Bulk-loads `count` laureates (health and social) and as many CAF grants in one region. */
async function region(subgraphs: Record<string, SubgraphServer>, regionCode: string, count: number, siretOffset: number) {
  const departments = departmentsOf(regionCode).map((d) => d.code);
  const sirets = Array.from({ length: count }, (_, i) => testSiret(siretOffset + i));
  for (const subgraph of ["ars", "dreets"] as const) {
    const ds = subgraphs[subgraph].database.dataSource;
    await ds.transaction(async (m) => {
      await m.insert(
        StructureRow,
        sirets.map((siret) => ({ siret, name: `Structure ${siret}` })),
      );
      const callRow = await m.save(
        m.create(CallRow, {
          regionCode,
          year: 2021,
          title: `Appel ${regionCode}`,
          axes: [Axis.SCREENING_CONTINUITY],
          joint: true,
          envelopeCents: 100_000_00,
          deadline: null,
          resultsDue: null,
        }),
      );
      const rows = sirets.map((siret, i) =>
        m.create(LaureateProjectRow, {
          callId: callRow.id,
          year: 2021,
          title: `Projet ${i}`,
          siret,
          axes: [Axis.SCREENING_CONTINUITY],
          amountCents: 1_000_00 + i,
          status: i % 10 === 9 ? GrantStatus.WITHDRAWN : GrantStatus.AWARDED,
          description: null,
          projectRef: `REF-${regionCode}-${i}`,
          renewedFromId: null,
          evaluationSummary: null,
        }),
      );
      for (let i = 0; i < rows.length; i += 100) {
        const saved = await m.save(rows.slice(i, i + 100));
        await m.insert(
          LaureateProjectDepartmentRow,
          saved.map((p, j) => ({ projectId: p.id, departmentCode: departments[(i + j) % departments.length] })),
        );
      }
    });
  }
  // the names the funders' writes would have given the hub's structure directory
  await subgraphs.hub.database.dataSource.transaction((m) =>
    recordStructureNames(
      m,
      sirets.map((siret) => ({ siret, name: `Structure ${siret}` })),
      "fixture",
    ),
  );
  const caf = subgraphs.caf.database.dataSource;
  await caf.transaction(async (m) => {
    await m.insert(
      StructureRow,
      sirets.map((siret) => ({ siret, name: `Structure ${siret}` })),
    );
    for (let i = 0; i < count; i += 100) {
      await m.insert(
        ParentalityGrantRow,
        sirets.slice(i, i + 100).map((siret, j) => ({
          departmentCode: departments[(i + j) % departments.length],
          year: 2021,
          fund: FundingSource.CAF_FNP,
          siret,
          title: "Subvention",
          amountCents: 500_00,
          axes: [],
          projectRef: null,
        })),
      );
    }
  });
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      await region(s, "24", 10, 1_000);
      await region(s, "75", 500, 5_000);
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

test("RegionDashboard: SQL statements and subgraph calls do not grow with the number of projects", async () => {
  const dashboard = contractQuery("RegionDashboard");
  let small: Json;
  let large: Json;
  const smallCost = await hub.measure(async () => {
    small = await hub.query(dashboard, { region: "24", year: 2021 });
  });
  const largeCost = await hub.measure(async () => {
    large = await hub.query(dashboard, { region: "75", year: 2021 });
  });

  expect(small.errors).toBeUndefined();
  expect(large.errors).toBeUndefined();
  expect(small.data.region.healthCalls[0].projects).toHaveLength(10);
  expect(large.data.region.healthCalls[0].projects).toHaveLength(500);
  expect(large.data.region.healthCalls[0].projects[499].structure.name).toBe(`Structure ${testSiret(5_499)}`);
  if (process.env.SHOW_COSTS) console.log(JSON.stringify(largeCost));
  expect(largeCost).toEqual(smallCost);
  for (const [name, cost] of Object.entries(largeCost)) {
    expect({ name, called: cost.requests > 0 }).toEqual({ name, called: true });
  }
});
