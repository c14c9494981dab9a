/**
 * The working day in the benchmark's processes: for each invalidation rule, a fresh gateway of its
 * own (RESPONSE_CACHE_INVALIDATION) in front of the running subgraphs, the same seeded mix of reads
 * and writes, its memory sampled each second. First a run without writes on the scoped gateway:
 * the warm-cache latency the day is compared with. Last, the scoped rule with every miss computing
 * its own answer (RESPONSE_CACHE_JOIN=off): what joining a computation in flight brings. The cache is where it is deployed, in Redis,
 * when a local Redis answers (bench/working-day-cache.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { Kind, OperationDefinitionNode, parse, print } from "graphql";
import { signLocalToken } from "../subgraphs/platform/auth/tokens";
import { startService } from "./services";
import { SUPERGRAPH_FILE } from "./setup";
import { runWorkingDay, WorkingDayReport, WorkingDaySamples } from "./working-day";
import { cacheForOneGateway, describeCache, WorkingDayCache, workingDayCache } from "./working-day-cache";

export interface WorkingDaySettings {
  durationS: number;
  warmupS: number;
  readers: number;
  writesPerSecond: number;
}
export interface WorkingDayResults {
  settings: WorkingDaySettings;
  cache: WorkingDayCache;
  warm: WorkingDayReport;
  all: WorkingDayReport;
  scoped: WorkingDayReport;
  /** The scoped rule without joining computations in flight. */
  apart: WorkingDayReport;
}

const CONTRACT_FILE = path.resolve(process.env.CONTRACT_FILE || "../shared/contract/operations.graphql");

export function contractDocuments(): Record<string, string> {
  const document = parse(fs.readFileSync(CONTRACT_FILE, "utf8"));
  return Object.fromEntries(
    document.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && !!d.name)
      .map((d) => [d.name!.value, print(d)]),
  );
}

export async function workingDayInProcesses(
  subgraphUrls: Record<string, string>,
  authEnv: Record<string, string>,
  privateKeyFile: string,
  samples: WorkingDaySamples,
  settings: WorkingDaySettings,
  log: (message: string) => void,
): Promise<WorkingDayResults> {
  const tokens = new Map<string, Promise<string>>();
  const token = (organisation: string) => {
    if (!tokens.has(organisation)) tokens.set(organisation, signLocalToken(privateKeyFile, organisation));
    return tokens.get(organisation)!;
  };
  const documents = contractDocuments();
  const cache = await workingDayCache();
  log(`journée de travail : ${describeCache(cache)}`);
  const run = async (invalidation: "all" | "scoped", writesPerSecond: number, join = true) => {
    const store = cacheForOneGateway(cache);
    const gateway = await startService(`passerelle (invalidation ${invalidation})`, "hive-gateway-main", {
      ...store.env,
      ...authEnv,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url])),
      GATEWAY_PORT: "0",
      GATEWAY_HOST: "127.0.0.1",
      SUPERGRAPH_POLL_MS: "0",
      SUPERGRAPH_FILE,
      RESPONSE_CACHE_INVALIDATION: invalidation,
      RESPONSE_CACHE_JOIN: join ? "on" : "off",
      // the day's writes come from a few organisations: the per-organisation limit is not what is measured
      LIMIT_WRITES_PER_MINUTE: "100000",
    });
    try {
      log(
        `journée de travail : invalidation ${invalidation}${join ? "" : " sans jonction"}, ${writesPerSecond} écriture(s)/s, ${settings.durationS} s…`,
      );
      return await runWorkingDay({
        url: gateway.url,
        documents,
        samples,
        token,
        durationS: settings.durationS,
        warmupS: settings.warmupS,
        readers: settings.readers,
        writesPerSecond,
        rss: async () => (await gateway.ask("stats")).rss,
      });
    } finally {
      await gateway.stop();
      await store.cleanup();
    }
  };
  const warm = await run("scoped", 0);
  const all = await run("all", settings.writesPerSecond);
  const scoped = await run("scoped", settings.writesPerSecond);
  const apart = await run("scoped", settings.writesPerSecond, false);
  return { settings, cache, warm, all, scoped, apart };
}
