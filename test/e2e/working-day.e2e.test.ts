/**
 * The benchmark's working day, short, in process: the same reads and writes through a gateway that
 * invalidates everything on each write (the rule before) and one that invalidates what the write
 * changed. Counts, not timings: zero stale answers after acknowledged writes, and a better hit rate
 * for the scoped rule. Fictitious data, one call and a few structures per region.
 */
import { startTestHub, TestHub } from "../support/hub";
import { call, grant, laureate, testSiret } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";
import { departmentsOf, REGIONS } from "../../subgraphs/domain/reference/cog";
import { RunningGateway } from "../../gateway/server";
import { runWorkingDay, WorkingDayReport, WorkingDaySamples } from "../../bench/working-day";
import { contractDocuments } from "../../bench/working-day-run";
import { hitRate } from "../../bench/working-day-report";

const YEAR = 2021;
const samples: WorkingDaySamples = { year: YEAR, structures: [], refs: [] };
let hub: TestHub;
let everything: RunningGateway;

beforeAll(async () => {
  hub = await startTestHub({
    seed: async (subgraphs) => {
      let n = 700;
      for (const region of REGIONS) {
        const callId = await call(subgraphs, "ars", { regionCode: region.code, year: YEAR, envelope: 1_000_000 });
        for (const department of departmentsOf(region.code).slice(0, 2)) {
          const siret = testSiret(n++);
          const ref = `JOURNEE-${siret}`;
          await laureate(subgraphs, "ars", callId, { siret, amount: 20_000, departments: [department.code], projectRef: ref });
          await grant(subgraphs, {
            departmentCode: department.code,
            year: YEAR,
            fund: FundingSource.CAF_FNP,
            siret,
            amount: 3_000,
            projectRef: ref,
          });
          (samples.structures as { siret: string; department: string }[]).push({ siret, department: department.code });
          (samples.refs as string[]).push(ref);
        }
      }
    },
    limits: { writesPerMinute: 10_000 },
  });
  everything = await hub.startReplica({ RESPONSE_CACHE_INVALIDATION: "all" });
}, 120_000);
afterAll(async () => {
  await (everything as RunningGateway | undefined)?.stop();
  await (hub as TestHub | undefined)?.stop();
});

const day = (url: string): Promise<WorkingDayReport> =>
  runWorkingDay({
    url,
    documents: contractDocuments(),
    samples,
    token: (org) => hub.auth.token(org),
    durationS: 6,
    warmupS: 3,
    readers: 3,
    writesPerSecond: 2,
    atLeast: { reads: 30, writes: 8 },
  });

test("a short working day: no stale answer under either rule, and the scoped rule hits the cache more often", async () => {
  const before = await day(everything.url);
  const scoped = await day(hub.gateway.url);
  for (const report of [before, scoped]) {
    expect(report.writeFailures).toBe(0);
    expect(report.writes).toBeGreaterThanOrEqual(8);
    expect(report.stale).toBe(0);
    expect(report.hits + report.joined + report.misses).toBeGreaterThan(20);
  }
  expect(hitRate(scoped)).toBeGreaterThan(hitRate(before));
}, 120_000);
