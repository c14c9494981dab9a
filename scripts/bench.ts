/**
 * `npm run bench`: the gateway at national scale, on this machine. Builds the dataset in fresh
 * SQLite files, starts the subgraphs, our gateway and @apollo/gateway (each in its own process),
 * loads each contract read with autocannon, compares with the peer and with the floor (the
 * subgraph calls of the query plan, made directly), tries Hive Gateway's speed options, prints
 * the results and writes them to bench/RESULTS.md.
 *
 * BENCH_QUICK=1: a tenth of the data and short runs (about a minute); results in a temporary file.
 * BENCH_SCALE, BENCH_DURATION (s), BENCH_CONNECTIONS, BENCH_VARIANTS (comma list of speed options, or "none"),
 * BENCH_RESULTS (output file), BENCH_OPERATIONS (comma list: only these contract reads) override the defaults. A variant combines options with "+" (no-cache+jit).
 *
 * The working day (bench/working-day.ts) ends the run. `npm run bench -- --only working-day` runs it
 * alone (results in bench/WORKING-DAY.md); `--short` makes it a few seconds on a small dataset
 * (results in a temporary file), as the test does. BENCH_WORKING_DAY_S, BENCH_WRITES_PER_S override;
 * BENCH_REDIS_URL is the Redis of its gateways' cache (bench/working-day-cache.ts).
 * `--only node`: the children on Node 20 against Node 24 (bench/node-versions.ts, bench/NODE.md);
 * BENCH_NODE20 (the Node 20 binary), BENCH_NODE_S (seconds per measurement) override.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureLocalSecrets, localAuthEnv, LocalSecrets } from "../subgraphs/platform/auth/config";
import { DatasetSamples, NATIONAL_SCALE, scaled } from "../bench/dataset";
import { buildDatabases, startBenchHub, startSubgraphServices } from "../bench/setup";
import { serviceGroup } from "../bench/services";
import { workingDayInProcesses } from "../bench/working-day-run";
import { renderWorkingDay } from "../bench/working-day-report";
import { benchOperations } from "../bench/operations";
import { againstFloor, loadGateway, mismatches, OperationReport, profile, Settings, settingsFor } from "../bench/measure";
import { renderResults } from "../bench/report";
import { writeScenarioFile } from "../bench/scenario-file";
import { cpuAlone, nodeAlone, profileAlone } from "../bench/scenarios-alone";

const quick = process.env.BENCH_QUICK === "1";
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} doit être un nombre positif, reçu : ${process.env[name]}`);
  return value;
};
const settings: Settings = {
  durationS: number("BENCH_DURATION", quick ? 3 : 8),
  warmupPerClient: quick ? 1 : 2,
  floorS: quick ? 2 : 3,
  connections: number("BENCH_CONNECTIONS", 10),
};
const scale = number("BENCH_SCALE", quick ? 0.1 : 1);
const only = (process.env.BENCH_OPERATIONS ?? "")
  .split(",")
  .map((o) => o.trim())
  .filter(Boolean);
// JIT needs the JavaScript planner: with the Rust one its answers differ (measured, bench/RESULTS.md of 2026-11-23 21:26).
const variants = (process.env.BENCH_VARIANTS ?? "no-cache+js-planner,no-cache+js-planner+jit")
  .split(",")
  .map((v) => v.trim())
  .filter((v) => v && v !== "none");
const resultsFile = path.resolve(
  process.env.BENCH_RESULTS ?? (quick ? path.join(os.tmpdir(), "hub-bench-RESULTS.md") : "bench/RESULTS.md"),
);
const log = (message: string) => console.log(`[banc] ${message}`);
const cli = parseArgs({ options: { only: { type: "string" }, short: { type: "boolean" } } }).values;
const ALONE = ["working-day", "profile", "growth", "cpu", "node"];
if (cli.only && !ALONE.includes(cli.only)) throw new Error(`--only : ${ALONE.join(", ")} se lancent seules, reçu : ${cli.only}`);
const short = !!cli.short;
const workingDaySettings = {
  durationS: number("BENCH_WORKING_DAY_S", short ? 6 : quick ? 15 : 60),
  warmupS: short ? 4 : quick ? 10 : 30,
  readers: number("BENCH_CONNECTIONS", short ? 4 : 10),
  writesPerSecond: number("BENCH_WRITES_PER_S", short ? 2 : 1),
};
const workingDay = (
  subgraphUrls: Record<string, string>,
  authEnv: Record<string, string>,
  secrets: LocalSecrets,
  samples: DatasetSamples,
) => workingDayInProcesses(subgraphUrls, authEnv, secrets.privateKeyFile, { year: 2021, ...samples.spread }, workingDaySettings, log);

/** `--only working-day`: the dataset, the subgraphs, and the working day alone. */
async function workingDayAlone() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-"));
  const services = serviceGroup();
  try {
    const size = scaled(NATIONAL_SCALE, short ? 0.02 : scale);
    log(`journée de travail seule : jeu de données ${JSON.stringify(size)}…`);
    const samples = await buildDatabases(workDir, size);
    const secrets = ensureLocalSecrets(workDir);
    const authEnv = localAuthEnv(secrets);
    const subgraphs = await startSubgraphServices(workDir, authEnv, (service) => services.track(service));
    const results = await workingDay(
      Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
      authEnv,
      secrets,
      samples,
    );
    const markdown = renderWorkingDay(results);
    const file = writeScenarioFile(
      { only: "working-day", short, file: "WORKING-DAY", title: "journée de travail", about: `données ${JSON.stringify(samples.counts)}` },
      markdown,
    );
    console.log(`\n${markdown}`);
    log(`résultats écrits dans ${file}`);
  } finally {
    await services.stopAll();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-"));
  try {
    log(`jeu de données (échelle ${scale}) dans ${workDir}…`);
    const samples = await buildDatabases(workDir, scaled(NATIONAL_SCALE, scale));
    log(`${JSON.stringify(samples.counts)} en ${((Date.now() - started) / 1000).toFixed(0)} s ; démarrage des services…`);
    const secrets = ensureLocalSecrets(workDir);
    const authEnv = localAuthEnv(secrets);
    const hub = await startBenchHub(workDir, authEnv);
    process.once("SIGINT", () => void hub.stop().finally(() => process.exit(130)));
    const reports: OperationReport[] = [];
    try {
      for (const op of (await benchOperations(samples, hub.engine.url)).filter((o) => !only.length || only.includes(o.name))) {
        log(`${op.name} : profil, réponses comparées, appels enregistrés…`);
        const { plans, answers, typicalMs, ...cost } = await profile(hub, op);
        const run = settingsFor(settings, typicalMs);
        const apolloMismatches = await mismatches(hub.apollo, op, answers);
        log(`${op.name} : notre passerelle…`);
        const ours = await loadGateway(hub, hub.ours, op, run);
        log(`${op.name} : notre passerelle sans cache…`);
        const engine = await loadGateway(hub, hub.engine, op, run);
        log(`${op.name} : @apollo/gateway…`);
        const apollo = await loadGateway(hub, hub.apollo, op, run);
        const measured: OperationReport["variants"] = {};
        for (const variant of variants) {
          log(`${op.name} : option ${variant}…`);
          const gateway = await hub.startVariant(variant);
          try {
            measured[variant] = { mismatches: await mismatches(gateway, op, answers), ...(await loadGateway(hub, gateway, op, run)) };
          } finally {
            await gateway.stop();
          }
        }
        log(`${op.name} : plancher…`);
        const floor = await againstFloor(hub, op, plans, run);
        reports.push({
          name: op.name,
          variableSets: op.variables.length,
          settings: run,
          ...cost,
          apolloMismatches,
          ours,
          engine,
          apollo,
          variants: measured,
          floor,
        });
        log(
          `${op.name} : ${ours.rps.toFixed(1)} req/s (sans cache ${engine.rps.toFixed(1)}, Apollo ${apollo.rps.toFixed(1)}), p95 ${ours.p95.toFixed(1)} ms`,
        );
      }
      const subgraphPeakRssMb = Object.fromEntries(
        await Promise.all(
          Object.entries(hub.subgraphs).map(async ([name, s]): Promise<[string, number]> => [
            name,
            Math.round((await s.ask("stats")).peakRss / 1024 / 1024),
          ]),
        ),
      );
      const day = renderWorkingDay(await workingDay(hub.subgraphUrls, authEnv, secrets, samples));
      const markdown = `${renderResults({ date: new Date(), settings, load: [loadBefore, os.loadavg()[0]], counts: samples.counts, subgraphPeakRssMb, variants, elapsedS: (Date.now() - started) / 1000 }, reports)}\n${day}`;
      fs.writeFileSync(resultsFile, markdown);
      console.log(`\n${markdown}\n`);
      log(`résultats écrits dans ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
    } finally {
      await hub.stop();
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const run =
  cli.only === "working-day"
    ? workingDayAlone
    : cli.only === "cpu"
      ? () => cpuAlone({ short, scale, log })
      : cli.only === "node"
        ? () => nodeAlone({ short, scale, log })
        : cli.only === "profile" || cli.only === "growth"
          ? () => profileAlone(cli.only as "profile" | "growth", { short, scale, log })
          : main;
run().catch((error: unknown) => {
  console.error("Échec du banc d'essai :", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
