/** One subgraph of the benchmark, in its own process, on the dataset's SQLite files (DATA_DIR). */
import "reflect-metadata";
import { readDatabaseConfig } from "../subgraphs/platform/config";
import { readAuthConfig } from "../subgraphs/platform/auth/config";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../subgraphs/registry";
import { startSubgraph } from "../subgraphs/platform/server/subgraph-module";
import { serveChild } from "./child";
import { installProcessTimings, processTimings } from "./process-timings";

const name = process.env.BENCH_SUBGRAPH ?? "";
serveChild(`sous-graphe ${name}`, async () => {
  installProcessTimings(); // BENCH_PROFILE=1 only
  const module = [...FUNDER_SUBGRAPHS, hubSubgraph()].find((m) => m.name === name);
  if (!module) throw new Error(`Sous-graphe inconnu : ${name}`);
  // a funder's writes (the working day's) tell the hub's structure directory their SIRETs: it starts first
  const directoryUrl = name === "hub" ? undefined : process.env.SUBGRAPH_URL_HUB;
  const server = await startSubgraph(module, {
    database: readDatabaseConfig(),
    auth: readAuthConfig(),
    port: 0,
    host: "127.0.0.1",
    demo: null,
    directoryUrl,
  });
  return { url: server.url, stats: () => ({ ...processTimings(), ...server.stats() }), stop: () => server.stop() };
});
