/**
 * One subgraph of the benchmark, in its own process, on the dataset's SQLite files (DATA_DIR),
 * configured by readSubgraphConfig from the environment startSubgraphServices (setup.ts) gives it.
 * BENCH_SUBGRAPH_VARIANT=cache-control runs it as before the cut: Apollo Server's cache-control
 * plugin on (subgraphs/platform/server/subgraph-apollo.ts turns it off). BENCH_SQLITE_BINDING: the
 * better-sqlite3 addon to open its databases on (sqlite-binding.ts), for a child on another Node.
 */
import "reflect-metadata";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../subgraphs/registry";
import { startSubgraph } from "../subgraphs/platform/server/subgraph-module";
import { readSubgraphConfig, startOptionsOf } from "../subgraphs/platform/server/subgraph-config";
import { serveChild } from "./child";
import { installProcessTimings, processTimings } from "./process-timings";
import { useSqliteBinding } from "./sqlite-binding";

/** Apollo Server's "disabled" cache control made a plugin that does nothing: its default plugin comes back. */
function withCacheControl(): void {
  // (a plain CommonJS export, read by subgraph-apollo.js at each call: replaced in place)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself
  const disabled = require("@apollo/server/plugin/disabled") as Record<string, unknown>;
  disabled.ApolloServerPluginCacheControlDisabled = () => ({});
}

const name = process.env.BENCH_SUBGRAPH ?? "";
serveChild(`sous-graphe ${name}${process.env.BENCH_SUBGRAPH_VARIANT ? ` (${process.env.BENCH_SUBGRAPH_VARIANT})` : ""}`, async () => {
  const variant = process.env.BENCH_SUBGRAPH_VARIANT ?? "";
  if (variant && variant !== "cache-control") throw new Error(`Variante inconnue : ${variant} (cache-control)`);
  if (variant === "cache-control") withCacheControl();
  useSqliteBinding(); // before typeorm and process-timings load better-sqlite3
  installProcessTimings(); // BENCH_PROFILE=1 only
  const module = [...FUNDER_SUBGRAPHS, hubSubgraph()].find((m) => m.name === name);
  if (!module) throw new Error(`Sous-graphe inconnu : ${name}`);
  const config = readSubgraphConfig(module.name, process.env);
  const server = await startSubgraph(module, startOptionsOf(config, null));
  return { url: server.url, stats: () => ({ ...processTimings(), ...server.stats() }), stop: () => server.stop() };
});
