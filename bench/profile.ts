/**
 * The profile and growth scenarios (`npm run bench -- --only profile|growth`): uncached contract
 * reads, one request at a time through our gateway with its phase timings on (variant
 * `no-cache+profile`, bench/gateway-timings.ts) and subgraphs that time their SQL and
 * serialisation (bench/process-timings.ts). Every figure is the difference of the processes'
 * totals around the requests, divided by their number: exact counts, mean times.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ensureLocalSecrets, localAuthEnv } from "../subgraphs/platform/auth/config";
import { NATIONAL_SCALE, scaled } from "./dataset";
import { buildDatabases, gatewayEnvOf, startSubgraphServices } from "./setup";
import { Service, serviceGroup, startService } from "./services";
import { benchOperations } from "./operations";
import { postJson } from "./http";

type Totals = Partial<Record<string, number>>;
export interface SubgraphCost {
  calls: number;
  /** Seen by the gateway (the call, HTTP and signing included) / inside the subgraph / of which SQL, JSON.stringify, the signature's check. */
  gatewayMs: number;
  subgraphMs: number;
  sqlMs: number;
  stringifyMs: number;
  hmacMs: number;
  sqlStatements: number;
  bytesIn: number;
  bytesOut: number;
}
export interface ProfileRow {
  operation: string;
  /** The cut variant's label (PROFILE_VARIANTS), or "" outside the cuts' comparison. */
  variant: string;
  scale: number;
  requests: number;
  clientMs: number;
  clientBytes: number;
  gateway: Totals;
  subgraphs: Record<string, SubgraphCost>;
}

const diff = (after: Totals, before: Totals, per: number): Totals =>
  Object.fromEntries(Object.keys(after).map((key) => [key, ((after[key] ?? 0) - (before[key] ?? 0)) / per]));
const statsOf = async (services: Record<string, Service>) =>
  Object.fromEntries(await Promise.all(Object.entries(services).map(async ([name, s]) => [name, (await s.ask("stats")).stats] as const)));

/** Each contract read over its variable sets (at most `perOperation` requests), after one warm-up pass. */
async function profileOperations(
  scale: number,
  gateway: Service,
  subgraphs: Record<string, Service>,
  samples: Parameters<typeof benchOperations>[0],
  perOperation: number,
) {
  const rows: ProfileRow[] = [];
  for (const op of await benchOperations(samples, gateway.url)) {
    const bodies = Array.from({ length: perOperation }, (_, i) => op.bodies[i % op.bodies.length]);
    for (const body of op.bodies.slice(0, perOperation)) await postJson(gateway.url, body); // plans, parse cache, JIT
    const services = { gateway, ...subgraphs };
    const before = await statsOf(services);
    let clientMs = 0;
    let clientBytes = 0;
    for (const body of bodies) {
      const sent = performance.now();
      const reply = await postJson(gateway.url, body);
      clientMs += performance.now() - sent;
      clientBytes += Buffer.byteLength(reply.text);
      if (reply.status !== 200 || reply.text.includes('"errors"')) throw new Error(`${op.name} : ${reply.text.slice(0, 300)}`);
    }
    const after = await statsOf(services);
    const n = bodies.length;
    const gatewayTotals = diff(after.gateway, before.gateway, n);
    const costs: Record<string, SubgraphCost> = {};
    for (const name of Object.keys(subgraphs)) {
      const s = diff(after[name], before[name], n);
      costs[name] = {
        calls: gatewayTotals[`call.${name}.count`] ?? 0,
        gatewayMs: gatewayTotals[`call.${name}.ms`] ?? 0,
        subgraphMs: s.requestMs ?? 0,
        sqlMs: s.sqlMs ?? 0,
        stringifyMs: s.stringifyMs ?? 0,
        hmacMs: s.hmacMs ?? 0,
        sqlStatements: s.sqlStatements ?? 0,
        bytesIn: s.bytesIn ?? 0,
        bytesOut: s.bytesOut ?? 0,
      };
    }
    rows.push({
      operation: op.name,
      variant: "",
      scale,
      requests: n,
      clientMs: clientMs / n,
      clientBytes: clientBytes / n,
      gateway: gatewayTotals,
      subgraphs: costs,
    });
  }
  return rows;
}

/** A configuration of the services to profile: what a cut turns on or off (bench/hive-gateway-main.ts, bench/subgraph-main.ts). */
export interface ProfileVariant {
  label: string;
  /** Options added to the gateway's `no-cache+profile`. */
  gateway: string[];
  /** BENCH_SUBGRAPH_VARIANT of every subgraph ("" for the code as it is). */
  subgraph: string;
}

export const CURRENT: ProfileVariant = { label: "", gateway: [], subgraph: "" };

/** The cuts of issue 14, measured side by side on one dataset: before both, the signing cut alone, both. */
export const CUT_VARIANTS: readonly ProfileVariant[] = [
  { label: "avant les coupes", gateway: ["webcrypto-hmac"], subgraph: "cache-control" },
  { label: "HMAC synchrone", gateway: [], subgraph: "cache-control" },
  { label: "HMAC synchrone + sans cache-control", gateway: [], subgraph: "" },
];

/**
 * One dataset per scale (a factor of the national one), then for each variant its subgraphs and a
 * profiling gateway, profiled then stopped. Several variants are visited forth then back (A B C C B
 * A) and each one's two passes averaged: a machine whose load drifts during the run weighs on every
 * variant alike.
 */
export async function profileAtScales(
  scales: readonly number[],
  perOperation: number,
  log: (m: string) => void,
  variants: readonly ProfileVariant[] = [CURRENT],
): Promise<ProfileRow[]> {
  const rows: ProfileRow[] = [];
  for (const scale of scales) {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-profile-"));
    try {
      log(`profil : jeu de données à l'échelle ${scale}…`);
      const samples = await buildDatabases(workDir, scaled(NATIONAL_SCALE, scale));
      const authEnv = localAuthEnv(ensureLocalSecrets(workDir));
      const passes: ProfileRow[] = [];
      for (const variant of variants.length > 1 ? [...variants, ...[...variants].reverse()] : variants) {
        if (variant.label) log(`profil : ${variant.label}…`);
        const measured = await profileVariant(workDir, authEnv, variant, (gateway, subgraphs) =>
          profileOperations(scale, gateway, subgraphs, samples, perOperation),
        );
        passes.push(...measured.map((row) => ({ ...row, variant: variant.label })));
      }
      rows.push(...averagePasses(passes));
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  }
  return rows;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** Field by field mean of objects of numbers. */
const meanOf = <T extends object>(items: T[]): T =>
  Object.fromEntries(
    [...new Set(items.flatMap((i) => Object.keys(i)))].map((key) => [
      key,
      mean(items.map((i) => (i as Record<string, number | undefined>)[key] ?? 0)),
    ]),
  ) as T;

/** One row per operation and variant: the mean of its passes (each pass already a mean per request). */
function averagePasses(passes: ProfileRow[]): ProfileRow[] {
  const groups = new Map<string, ProfileRow[]>();
  for (const row of passes)
    groups.set(`${row.variant}\u0000${row.operation}`, [...(groups.get(`${row.variant}\u0000${row.operation}`) ?? []), row]);
  return [...groups.values()].map((group) => ({
    ...group[0],
    requests: group.reduce((total, r) => total + r.requests, 0),
    clientMs: mean(group.map((r) => r.clientMs)),
    clientBytes: mean(group.map((r) => r.clientBytes)),
    gateway: meanOf(group.map((r) => r.gateway)),
    subgraphs: Object.fromEntries(Object.keys(group[0].subgraphs).map((name) => [name, meanOf(group.map((r) => r.subgraphs[name]))])),
  }));
}

async function profileVariant<T>(
  workDir: string,
  authEnv: Record<string, string>,
  variant: ProfileVariant,
  run: (gateway: Service, subgraphs: Record<string, Service>) => Promise<T>,
): Promise<T> {
  const services = serviceGroup();
  const track = (service: Promise<Service>) => services.track(service);
  try {
    const subgraphEnv = { ...authEnv, BENCH_PROFILE: "1", ...(variant.subgraph ? { BENCH_SUBGRAPH_VARIANT: variant.subgraph } : {}) };
    const subgraphs = await startSubgraphServices(workDir, subgraphEnv, track);
    const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url]));
    const gatewayVariant = ["no-cache", "profile", ...variant.gateway].join("+");
    const gateway = await track(
      startService("passerelle (profil)", "hive-gateway-main", gatewayEnvOf(authEnv, urls, { BENCH_GATEWAY_VARIANT: gatewayVariant })),
    );
    return await run(gateway, subgraphs);
  } finally {
    await services.stopAll();
  }
}
