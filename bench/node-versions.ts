/**
 * `npm run bench -- --only node`: the same uncached contract reads through our gateway (without
 * cache) and the subgraphs started on Node 20 (/usr/bin/node, else BENCH_NODE20) and on the runner's
 * Node 24, in the order 20, 24, 24, 20 on one dataset (issue #14). Node 20 opens SQLite on its own
 * better-sqlite3 build (scripts/build-node20-sqlite.sh, run if missing; sqlite-binding.ts).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureLocalSecrets, localAuthEnv } from "../subgraphs/platform/auth/config";
import { NATIONAL_SCALE, scaled } from "./dataset";
import { autocannonLoad, autocannonWarmup, LoadResult } from "./load";
import { BenchOperation, benchOperations } from "./operations";
import { buildDatabases, gatewayEnvOf, startSubgraphServices } from "./setup";
import { Service, serviceGroup, startService } from "./services";

const NODE20_BINDING = path.resolve(".tmp/node20/better-sqlite3/build/Release/better_sqlite3.node");

export interface NodeRun {
  /** "20" or "24": the major version the children ran on. */
  node: string;
  version: string;
  operation: string;
  ten: LoadResult;
  one: LoadResult;
  peakRssMb: number;
}

function node20Binding(log: (m: string) => void): string {
  if (!fs.existsSync(NODE20_BINDING)) {
    log("Node 20 : construction de better-sqlite3 (scripts/build-node20-sqlite.sh)…");
    execFileSync("sh", ["scripts/build-node20-sqlite.sh"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  return NODE20_BINDING;
}

/** One start of the gateway and subgraphs on `env`'s Node, each read at 10 clients then 1, for `seconds` each. */
async function runOn(
  node: string,
  env: Record<string, string>,
  workDir: string,
  authEnv: Record<string, string>,
  operations: (gatewayUrl: string) => Promise<BenchOperation[]>,
  seconds: number,
  log: (m: string) => void,
): Promise<NodeRun[]> {
  const services = serviceGroup();
  const track = (service: Promise<Service>) => services.track(service);
  try {
    const subgraphs = await startSubgraphServices(workDir, authEnv, track, env);
    const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url]));
    const gateway = await track(
      startService(
        `passerelle (Node ${node})`,
        "hive-gateway-main",
        gatewayEnvOf(authEnv, urls, { ...env, BENCH_GATEWAY_VARIANT: "no-cache" }),
      ),
    );
    const version = execFileSync(env.BENCH_CHILD_NODE || process.execPath, ["--version"], { encoding: "utf8" }).trim();
    const rows: NodeRun[] = [];
    for (const op of await operations(gateway.url)) {
      log(`Node ${version} : ${op.name}, 10 clients puis 1, ${seconds} s chacun…`);
      // two requests per client and each variable set once: plans, prepared statements, JIT
      await autocannonWarmup(gateway.url, op.bodies, 10, Math.max(20, op.bodies.length));
      await gateway.ask("resetPeak");
      const ten = await autocannonLoad(gateway.url, op.bodies, 10, seconds);
      const peakRssMb = (await gateway.ask("stats")).peakRss / 2 ** 20;
      const one = await autocannonLoad(gateway.url, op.bodies, 1, seconds);
      rows.push({ node, version, operation: op.name, ten, one, peakRssMb });
    }
    // the gateway first: a request autocannon left in flight must not see the subgraphs gone
    await gateway.stop();
    return rows;
  } finally {
    await services.stopAll();
  }
}

export async function nodeVersions(scale: number, seconds: number, log: (m: string) => void): Promise<NodeRun[]> {
  const node20 = process.env.BENCH_NODE20 ?? "/usr/bin/node";
  const env20 = { BENCH_CHILD_NODE: node20, BENCH_SQLITE_BINDING: node20Binding(log) };
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-node-"));
  try {
    log(`Node 20 contre 24 : jeu de données (échelle ${scale})…`);
    const samples = await buildDatabases(workDir, scaled(NATIONAL_SCALE, scale));
    const authEnv = localAuthEnv(ensureLocalSecrets(workDir));
    // the bodies walked once (the national list's cursors), then sent identically to every run
    let walked: Promise<BenchOperation[]> | null = null;
    const operations = (gatewayUrl: string) => (walked ??= benchOperations(samples, gatewayUrl));
    const rows: NodeRun[] = [];
    for (const node of ["20", "24", "24", "20"]) {
      rows.push(...(await runOn(node, node === "20" ? env20 : {}, workDir, authEnv, operations, seconds, log)));
    }
    return rows;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** Per read, the mean of the two runs on each Node, and 24 ÷ 20. */
export function renderNodeVersions(rows: readonly NodeRun[], seconds: number): string {
  const versions = [...new Set(rows.map((r) => `${r.node} = ${r.version}`))].join(", ");
  const metrics: [string, (r: NodeRun) => number, number][] = [
    ["req/s à 10 clients", (r) => r.ten.rps, 1],
    ["p50 à 10 clients (ms)", (r) => r.ten.p50, 1],
    ["p95 à 10 clients (ms)", (r) => r.ten.p95, 1],
    ["p50 à 1 client (ms)", (r) => r.one.p50, 1],
    ["RSS max de la passerelle (Mo)", (r) => r.peakRssMb, 0],
  ];
  const lines = [
    `Passerelle sans cache et sous-graphes lancés sur Node 20 puis 24, 24, 20 (${versions}), même jeu de données ; ${seconds} s par mesure après un échauffement ; moyenne des deux passages de chaque version (RSS : le maximum). Le lanceur reste sur Node 24. Machine partagée : chiffres bruités, comparer les rapports.`,
    "",
    "| lecture | mesure | Node 20 | Node 24 | 24 ÷ 20 |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const operation of [...new Set(rows.map((r) => r.operation))]) {
    for (const [label, value, digits] of metrics) {
      const on = (node: string) => {
        const values = rows.filter((r) => r.operation === operation && r.node === node).map(value);
        return label.startsWith("RSS") ? Math.max(...values) : mean(values);
      };
      const [twenty, twentyFour] = [on("20"), on("24")];
      lines.push(
        `| ${operation} | ${label} | ${fixed(twenty, digits)} | ${fixed(twentyFour, digits)} | ${fixed(twentyFour / twenty, 2)} |`,
      );
    }
  }
  const failures = rows.reduce((sum, r) => sum + r.ten.failures + r.one.failures, 0);
  lines.push("", `Échecs (erreurs, délais, réponses non 2xx) : ${failures}.`);
  return lines.join("\n");
}
