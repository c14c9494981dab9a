import { buildDemoDataset } from "../../../fixtures/demo/dataset";
import { startSubgraph, SubgraphModule } from "./subgraph-module";
import { readSubgraphConfig, startOptionsOf } from "./subgraph-config";

/**
 * Entry point of a subgraph process: configuration read and checked once (readSubgraphConfig:
 * port from `<NAME>_PORT`, PORT, the registry or the one default), demo data unless `--no-demo`
 * (or DEMO=0), graceful stop on SIGINT/SIGTERM.
 */
export function runSubgraphMain(module: SubgraphModule): void {
  Promise.resolve()
    .then(() => {
      const config = readSubgraphConfig(module.name, process.env, process.argv);
      return startSubgraph(module, startOptionsOf(config, config.demo ? buildDemoDataset() : null));
    })
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
