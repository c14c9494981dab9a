/**
 * Everything the benchmark runs, each service in its own process as in production: the dataset in
 * fresh SQLite files, the five subgraphs, our gateway, @apollo/gateway on the same supergraph, and
 * a capturing gateway behind the recorder (used once per operation, never under load).
 */
import fs from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../subgraphs/registry";
import { DatasetSamples, DatasetSize, loadDataset, planDataset } from "./dataset";
import { Recorder, startRecorder } from "./recorder";
import { Service, serviceGroup, startService } from "./services";

export const SUPERGRAPH_FILE = path.resolve("schema/supergraph.graphql");

export async function buildDatabases(dataDir: string, size: DatasetSize): Promise<DatasetSamples> {
  const databases: Record<string, DataSource> = {};
  try {
    for (const module of [...FUNDER_SUBGRAPHS, hubSubgraph()]) {
      databases[module.name] = (await module.openDatabase({ url: null, dataDir })).dataSource;
    }
    return await loadDataset(databases, planDataset(size));
  } finally {
    await Promise.all(Object.values(databases).map((ds) => ds.destroy()));
  }
}

export interface BenchHub {
  subgraphs: Record<string, Service>;
  subgraphUrls: Record<string, string>;
  /** Our gateway as in production (Rust planner, response cache). */
  ours: Service;
  /** The same without the response cache: the engine itself, every request reaching the subgraphs. */
  engine: Service;
  apollo: Service;
  capture: Service;
  recorder: Recorder;
  /** Our gateway with one of Hive Gateway's speed options added (see hive-gateway-main.ts). */
  startVariant(variant: string): Promise<Service>;
  stop(): Promise<void>;
}

const urlEnv = (urls: Record<string, string>) =>
  Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url]));

/** A benchmarked gateway's environment: the subgraphs at `urls`, the committed supergraph, a free port. */
export const gatewayEnvOf = (authEnv: Record<string, string>, urls: Record<string, string>, extra: Record<string, string> = {}) => ({
  ...authEnv,
  ...urlEnv(urls),
  ...extra,
  GATEWAY_PORT: "0",
  GATEWAY_HOST: "127.0.0.1",
  SUPERGRAPH_POLL_MS: "0",
  SUPERGRAPH_FILE,
});

/** The committed supergraph with each subgraph's routing URL replaced by where it runs. */
export function rewriteSupergraph(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(
    /(@join__graph\(name: "([^"]+)", url: ")([^"]*)(")/g,
    (match, head: string, name: string, _url: string, tail: string) => (urls[name] ? `${head}${urls[name]}${tail}` : match),
  );
}

/**
 * A benchmarked subgraph's environment, read by readSubgraphConfig as in production: the dataset of
 * `workDir`, a free port on the loopback, no demo set. LOG_LEVEL defaults to warn where production's
 * subgraphs log at info: the runs in RESULTS.md were measured without the per-request log line,
 * which would only be written to /dev/null here (services.ts). Node's process metrics are on, as in
 * production (the reader turns them off under Jest only, and no variable says otherwise): between
 * scrapes they cost a native event-loop timer and one callback per garbage collection.
 */
const subgraphEnvOf = (name: string, authEnv: Record<string, string>, workDir: string, extra: Record<string, string> = {}) => ({
  ...authEnv,
  ...extra,
  DATA_DIR: workDir,
  [`${name.toUpperCase()}_PORT`]: "0",
  HOST: "127.0.0.1",
  DEMO: "0",
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  BENCH_SUBGRAPH: name,
});

/** The subgraphs alone, each in its own process, on the dataset of `workDir`; `extra` added to their environment. */
export async function startSubgraphServices(
  workDir: string,
  authEnv: Record<string, string>,
  track: (service: Promise<Service>) => Promise<Service>,
  extra: Record<string, string> = {},
): Promise<Record<string, Service>> {
  const subgraphs: Record<string, Service> = {};
  // the hub first: the funders' writes (the working day's) tell its structure directory their SIRETs
  subgraphs.hub = await track(startService("hub", "subgraph-main", subgraphEnvOf("hub", authEnv, workDir, extra)));
  for (const module of FUNDER_SUBGRAPHS) {
    const env = subgraphEnvOf(module.name, authEnv, workDir, { ...extra, SUBGRAPH_URL_HUB: subgraphs.hub.url });
    subgraphs[module.name] = await track(startService(module.name, "subgraph-main", env));
  }
  return subgraphs;
}

export async function startBenchHub(workDir: string, authEnv: Record<string, string>): Promise<BenchHub> {
  const services = serviceGroup();
  const track = (service: Promise<Service>) => services.track(service);
  let recorder: Recorder | null = null;
  try {
    const subgraphs = await startSubgraphServices(workDir, authEnv, track);
    const subgraphUrls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url]));
    const gatewayEnv = (urls: Record<string, string>, extra: Record<string, string> = {}) => gatewayEnvOf(authEnv, urls, extra);
    const activeRecorder = await startRecorder(subgraphUrls);
    recorder = activeRecorder;
    const ours = await track(startService("passerelle", "hive-gateway-main", gatewayEnv(subgraphUrls)));
    const engine = await track(
      startService("passerelle (sans cache)", "hive-gateway-main", gatewayEnv(subgraphUrls, { BENCH_GATEWAY_VARIANT: "no-cache" })),
    );
    const capture = await track(
      startService(
        "passerelle (capture)",
        "hive-gateway-main",
        gatewayEnv(Object.fromEntries(Object.keys(subgraphUrls).map((n) => [n, activeRecorder.urlOf(n)])), {
          BENCH_GATEWAY_VARIANT: "no-cache",
        }),
      ),
    );
    const apolloSupergraph = path.join(workDir, "supergraph.apollo.graphql");
    fs.writeFileSync(apolloSupergraph, rewriteSupergraph(fs.readFileSync(SUPERGRAPH_FILE, "utf8"), subgraphUrls));
    const apollo = await track(
      startService("@apollo/gateway", "apollo-gateway-main", { ...authEnv, BENCH_SUPERGRAPH_FILE: apolloSupergraph }),
    );
    return {
      subgraphs,
      subgraphUrls,
      ours,
      engine,
      apollo,
      capture,
      recorder: activeRecorder,
      startVariant: (variant) =>
        track(startService(`passerelle (${variant})`, "hive-gateway-main", gatewayEnv(subgraphUrls, { BENCH_GATEWAY_VARIANT: variant }))),
      async stop() {
        await services.stopAll();
        await activeRecorder.stop();
      },
    };
  } catch (error) {
    await services.stopAll();
    await recorder?.stop();
    throw error;
  }
}
