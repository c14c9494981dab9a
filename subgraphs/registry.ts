import { SubgraphModule } from "./platform/server/subgraph-module";
import { arsSubgraph } from "./ars";
import { dreetsSubgraph } from "./dreets";
import { cafSubgraph } from "./caf";
import { maisonsSubgraph } from "./maisons";
import { departementsSubgraph } from "./departements";
import { hubSubgraph } from "./hub";

/**
 * The subgraphs this repository builds and runs. A partner's own subgraph is not here: it is
 * registered in schema/supergraph.yaml only, with its SDL file and its URL.
 */
export const FUNDER_SUBGRAPHS: readonly SubgraphModule[] = [
  arsSubgraph,
  dreetsSubgraph,
  cafSubgraph,
  maisonsSubgraph,
  departementsSubgraph,
];
export { hubSubgraph };

/** The subgraphs this repository builds, by name: docker-compose.yml runs these (scripts/deploy/). */
export const BUILT_SUBGRAPH_NAMES: ReadonlySet<string> = new Set([...FUNDER_SUBGRAPHS.map((m) => m.name), "hub"]);
