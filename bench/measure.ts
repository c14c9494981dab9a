/** What is measured for one operation: cost per request, throughput and latency, the peer, the floor. */
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { BenchHub } from "./setup";
import { BenchOperation } from "./operations";
import { floorPlan, FloorPlan, replay } from "./floor";
import { graphql, postJson } from "./http";
import { autocannonLoad, autocannonWarmup, closedLoop, LoadResult } from "./load";
import { Service } from "./services";

export interface Settings {
  durationS: number;
  warmupPerClient: number;
  floorS: number;
  connections: number;
}
export type GatewayResult = LoadResult & { peakRssMb: number };

export interface OperationReport {
  name: string;
  variableSets: number;
  /** What this operation was run with (long operations run longer, to get enough samples). */
  settings: Settings;
  /** Per subgraph, for one request through our gateway (sequential, exact). */
  sqlPerRequest: Record<string, number>;
  callsPerRequest: Record<string, number>;
  /** Answers of @apollo/gateway that differ from ours (same variables). */
  apolloMismatches: number;
  /** Production configuration: every variable set was asked during the warm-up, so reads are cache hits. */
  ours: GatewayResult;
  /** Without the response cache. */
  engine: GatewayResult;
  apollo: GatewayResult;
  /** The engine with a speed option changed, and how many of its answers differ from its own. */
  variants: Record<string, GatewayResult & { mismatches: number }>;
  floor: { concurrency: number; floor: LoadResult; ours: LoadResult }[];
}

const MAX_SAMPLES = 20;
const MIN_SAMPLES = 3;
const FLOOR_WARMUP_S = 1;
const PROFILE_BUDGET_MS = 15_000;
/** Runs last at least this many times an unloaded request, within these bounds. */
const RUN_LENGTH = { load: 20, floor: 8, maxS: 20 };
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function subgraphStats(hub: BenchHub): Promise<Record<string, { requests: number; sqlStatements: number }>> {
  const entries = await Promise.all(Object.entries(hub.subgraphs).map(async ([name, s]) => [name, (await s.ask("stats")).stats] as const));
  return Object.fromEntries(entries) as never;
}

/**
 * One request per variable set, one at a time, through the gateway without cache (what a miss
 * costs): its exact SQL and subgraph calls, the peer's answer compared with ours, and the
 * subgraph calls recorded for the floor.
 */
export async function profile(hub: BenchHub, op: BenchOperation) {
  const samples: Record<string, unknown>[] = [];
  const sequentialMs: number[] = [];
  const started = performance.now();
  const sql: Record<string, number> = {};
  const calls: Record<string, number> = {};
  const plans: FloorPlan[] = [];
  const answers: unknown[] = [];
  for (const variables of op.variables.slice(0, MAX_SAMPLES)) {
    if (samples.length >= MIN_SAMPLES && performance.now() - started > PROFILE_BUDGET_MS) break;
    samples.push(variables);
    const before = await subgraphStats(hub);
    const sent = performance.now();
    const ours = await graphql(hub.engine.url, op.document, variables);
    sequentialMs.push(performance.now() - sent);
    const after = await subgraphStats(hub);
    for (const name of Object.keys(after)) {
      sql[name] = (sql[name] ?? 0) + after[name].sqlStatements - before[name].sqlStatements;
      calls[name] = (calls[name] ?? 0) + after[name].requests - before[name].requests;
    }
    answers.push(ours.data);
    const recorded = await hub.recorder.record(() => graphql(hub.capture.url, op.document, variables));
    if (!isDeepStrictEqual(recorded.result.data, ours.data))
      throw new Error(`${op.name} : la passerelle de capture ne répond pas comme la nôtre`);
    plans.push(floorPlan(recorded.calls, hub.subgraphUrls));
  }
  const perRequest = (totals: Record<string, number>) =>
    Object.fromEntries(Object.entries(totals).map(([n, v]) => [n, v / samples.length]));
  const typicalMs = [...sequentialMs].sort((a, b) => a - b)[Math.floor(sequentialMs.length / 2)];
  return { sqlPerRequest: perRequest(sql), callsPerRequest: perRequest(calls), plans, answers, typicalMs };
}

/** Longer runs for slow operations, so that each run still counts enough requests. */
export function settingsFor(settings: Settings, typicalMs: number): Settings {
  const atLeast = (base: number, times: number) => Math.max(base, Math.min(RUN_LENGTH.maxS, Math.ceil((times * typicalMs) / 1000)));
  return { ...settings, durationS: atLeast(settings.durationS, RUN_LENGTH.load), floorS: atLeast(settings.floorS, RUN_LENGTH.floor) };
}

/** How many answers of another gateway differ from ours, on the profiled variables. */
export async function mismatches(gateway: Service, op: BenchOperation, answers: unknown[]): Promise<number> {
  let different = 0;
  for (const [i, expected] of answers.entries()) {
    const answer = await graphql(gateway.url, op.document, op.variables[i]).catch((error: unknown) => ({
      data: error instanceof Error ? error.message : String(error),
    }));
    if (!isDeepStrictEqual(answer.data, expected)) different++;
  }
  return different;
}

/**
 * Once the load generator stops, the requests it abandoned still run on the gateway and the
 * subgraphs: wait until the subgraphs see no new request, so that the next run starts on idle servers.
 */
export async function settle(hub: BenchHub, timeoutMs = 120_000): Promise<void> {
  const total = async () => Object.values(await subgraphStats(hub)).reduce((sum, s) => sum + s.requests, 0);
  const deadline = performance.now() + timeoutMs;
  let last = await total();
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 750));
    const now = await total();
    if (now === last) return;
    last = now;
  }
}

/**
 * Warm-up (two requests per client and each variable set once, all answered), then `connections` clients for `durationS`;
 * the gateway's peak RSS over the measured part.
 */
export async function loadGateway(hub: BenchHub, gateway: Service, op: BenchOperation, settings: Settings): Promise<GatewayResult> {
  // every variable set at least once: the production gateway then answers the run from its cache
  await autocannonWarmup(
    gateway.url,
    op.bodies,
    settings.connections,
    Math.max(settings.connections * settings.warmupPerClient, op.bodies.length),
  );
  await gateway.ask("resetPeak");
  const result = await autocannonLoad(gateway.url, op.bodies, settings.connections, settings.durationS);
  const peakRssMb = mb((await gateway.ask("stats")).peakRss);
  await settle(hub);
  return { ...result, peakRssMb };
}

/**
 * Our gateway (without cache: a hit makes no subgraph call to compare with) against its floor,
 * with the same client for both: one client (pure overhead, no queueing), then `connections` clients.
 */
export async function againstFloor(hub: BenchHub, op: BenchOperation, plans: FloorPlan[], settings: Settings) {
  const viaGateway = async (i: number) => {
    const reply = await postJson(hub.engine.url, op.bodies[i % plans.length]);
    if (reply.status !== 200) throw new Error(`passerelle : HTTP ${reply.status}`);
  };
  const direct = (i: number) => replay(plans[i % plans.length]);
  const results: OperationReport["floor"] = [];
  for (const concurrency of [1, settings.connections]) {
    await closedLoop(concurrency, FLOOR_WARMUP_S, direct);
    const floor = await closedLoop(concurrency, settings.floorS, direct);
    await closedLoop(concurrency, FLOOR_WARMUP_S, viaGateway);
    const ours = await closedLoop(concurrency, settings.floorS, viaGateway);
    results.push({ concurrency, floor, ours });
  }
  return results;
}
