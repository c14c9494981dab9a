/**
 * `npm run loadtest`: a steady stream of mixed contract reads and writes against the whole hub
 * (every subgraph and the gateway, in this process, on a fresh SQLite database with the demo set),
 * for LOADTEST_SECONDS (default 60) at LOADTEST_RATE requests per second (default 20, a fifth of
 * them writes), plus one burst of concurrent writes per second (duplicates, one new SIRET, one
 * envelope: bench/write-bursts.ts). The database is the tests' choice: SQLite, or PostgreSQL with
 * TEST_DB=postgres (TEST_PG_URL). It passes with zero errors (a burst's refusals are expected French
 * BAD_USER_INPUT; an internal error fails), the data as acknowledged, and a flat memory: RSS at the end no more than 10 %
 * above RSS after the warm-up (both measured after a garbage collection). Results go to bench/LOADTEST.md
 * (LOADTEST_RESULTS to change). Exit code 1 when it fails.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildDemoDataset } from "../fixtures/demo/dataset";
import { DEPARTMENTS } from "../subgraphs/domain/reference/cog";
import { startTestHub } from "../test/support/hub";
import { contractQuery } from "../test/support/contract";
import { writeBursts } from "../bench/write-bursts";

const seconds = Number(process.env.LOADTEST_SECONDS ?? 60);
const rate = Number(process.env.LOADTEST_RATE ?? 20);
const warmupSeconds = Math.min(10, Math.max(2, Math.round(seconds / 6)));
const resultsFile = path.resolve(process.env.LOADTEST_RESULTS ?? "bench/LOADTEST.md");
const gc = (globalThis as { gc?: () => void }).gc;

async function main() {
  const dataset = buildDemoDataset();
  const hub = await startTestHub({ demo: dataset, limits: { writesPerMinute: 100_000 } });
  const laureate = dataset.calls.flatMap((c) => c.laureates).find((l) => l.projectRef)!;
  const reads: (() => [string, Record<string, unknown>])[] = [
    () => ["RegionDashboard", { region: "52", year: 2021 }],
    () => ["StructureFinancing", { siret: laureate.siret }],
    () => ["CoFinancedProject", { ref: laureate.projectRef }],
    () => ["NationalLaureates", { year: 2021, first: 50 }],
    () => ["CafDepartment", { department: "44", year: 2022 }],
    () => ["MaisonsBoard", {}],
  ];
  const cafDepartments = DEPARTMENTS.filter((d) => d.code.length === 2).map((d) => d.code);
  const tokens = new Map<string, string>();
  for (const code of cafDepartments) tokens.set(code, await hub.auth.token(`caf:${code}`));
  const bursts = await writeBursts(hub);
  // one burst before the clock starts: the connection pools reach their working size in the warm-up, not after it
  await bursts.burst();
  let lastBurstSecond = -1;

  let sent = 0;
  let failures = 0;
  const failuresSeen: string[] = [];
  const latencies: number[] = [];
  const issue = async (i: number) => {
    const write = i % 5 === 4;
    const started = performance.now();
    let result: { errors?: { message: string }[] };
    if (write) {
      const department = cafDepartments[i % cafDepartments.length];
      result = await hub.query(
        contractQuery("RecordParentalityGrant"),
        {
          input: {
            department,
            year: 2024,
            fund: "CAF_REAAP",
            siret: "73282932000074",
            structureName: "Structure de charge (fictive)",
            title: `Charge ${i}`,
            amount: 10 + (i % 100),
          },
        },
        "RecordParentalityGrant",
        tokens.get(department),
      );
    } else {
      const [name, variables] = reads[i % reads.length]();
      result = await hub.query(contractQuery(name), variables, name);
    }
    latencies.push(performance.now() - started);
    if (result.errors?.length) {
      failures++;
      if (failuresSeen.length < 5) failuresSeen.push(result.errors[0].message);
    }
  };

  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  let rssAfterWarmup = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (Date.now() - started) / 1000;
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve();
        return;
      }
      if (!rssAfterWarmup && elapsed >= warmupSeconds) {
        gc?.();
        rssAfterWarmup = process.memoryUsage().rss;
      }
      if (Math.floor(elapsed) > lastBurstSecond) {
        lastBurstSecond = Math.floor(elapsed);
        const b = bursts.burst().catch((error: unknown) => {
          failures++;
          failuresSeen.push(String(error));
        });
        inFlight.add(b);
        void b.finally(() => inFlight.delete(b));
      }
      const due = Math.floor(elapsed * rate) - sent;
      for (let k = 0; k < due; k++) {
        const p = issue(sent++).catch((error: unknown) => {
          failures++;
          failuresSeen.push(String(error));
        });
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
    }, 20);
  });
  await Promise.all(inFlight);
  const discrepancies = await bursts.check();
  gc?.();
  const rssEnd = process.memoryUsage().rss;
  await hub.stop();

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
  const growth = rssAfterWarmup ? (rssEnd - rssAfterWarmup) / rssAfterWarmup : 0;
  // A leak shows as growth; RSS that falls back after the warm-up's transient peak is flat enough.
  const burst = bursts.stats;
  const ok = failures === 0 && burst.internalErrors === 0 && discrepancies.length === 0 && growth <= 0.1;
  const report = [
    "# Load test",
    "",
    `${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    "",
    `${seconds} s at ${rate} requests/s (a fifth of them writes), hub in one process on ${hub.database.kind === "postgres" ? "PostgreSQL" : "SQLite"} with the demo set.`,
    "",
    "| requests | errors | p50 ms | p95 ms | p99 ms | RSS after warm-up | RSS at the end | growth |",
    "|---|---|---|---|---|---|---|---|",
    `| ${sent} | ${failures} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${(rssAfterWarmup / 2 ** 20).toFixed(0)} MiB | ${(rssEnd / 2 ** 20).toFixed(0)} MiB | ${(growth * 100).toFixed(1)} % |`,
    "",
    `Concurrent write bursts (one a second): ${burst.sent} writes, ${burst.accepted} recorded, ${burst.refused} refused in French (duplicates, envelope spent), ${burst.internalErrors} internal errors${discrepancies.length ? `; data differs from what was acknowledged: ${discrepancies.join(" ; ")}` : "; data as acknowledged"}.`,
    "",
    ok
      ? "Result: **pass** (zero errors, RSS at the end no more than 10 % above the warm-up's)."
      : `Result: **fail**${[...failuresSeen, ...burst.firstErrors].length ? ` — first errors: ${[...failuresSeen, ...burst.firstErrors].join(" | ")}` : ""}.`,
    "",
  ].join("\n");
  console.log(report);
  if (!process.env.LOADTEST_NO_REPORT) fs.writeFileSync(resultsFile, report);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
