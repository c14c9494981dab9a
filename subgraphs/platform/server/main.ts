import { readDatabaseConfig, readPort } from "../config";
import { buildDemoDataset } from "../../../fixtures/demo/dataset";
import { readAuthConfig } from "../auth/config";
import { readDirectoryUrl } from "../directory/client";
import { startSubgraph, SubgraphModule } from "./subgraph-module";

/**
 * Entry point of a subgraph process: configuration from the environment, demo data unless
 * `--no-demo` (or DEMO=0), graceful stop on SIGINT/SIGTERM.
 */
export function runSubgraphMain(module: SubgraphModule, defaultPort: number): void {
  const demo = !process.argv.includes("--no-demo") && process.env.DEMO !== "0";
  const portVariable = `${module.name.toUpperCase()}_PORT`;
  Promise.resolve()
    .then(() =>
      startSubgraph(module, {
        database: readDatabaseConfig(),
        auth: readAuthConfig(),
        port: readPort(portVariable, readPort("PORT", defaultPort)),
        host: process.env.HOST || "127.0.0.1",
        demo: demo ? buildDemoDataset() : null,
        directoryUrl: module.name === "hub" ? undefined : readDirectoryUrl(),
      }),
    )
    .then((server) => {
      console.log(JSON.stringify({ level: "info", subgraph: module.name, msg: "listening", url: server.url }));
      const stop = () =>
        void server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    })
    .catch((error: unknown) => {
      console.error(`[${module.name}] échec du démarrage :`, error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
