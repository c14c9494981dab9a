/**
 * CAF subgraph: the parentality grants of the family-allowance funds, one CAF per department.
 * The CAF is the partner that runs its own subgraph: this folder holds what is the CAF's (its
 * grants' table and migrations, its funds and rules, its SCDL import); the rest is the
 * funding-lines block every funder that records funding lines is assembled from.
 */
import { runSubgraphMain } from "../platform/server/main";
import { fundingLinesModule } from "../funding-lines/module";
import { CafInitial1732300000000 } from "./initial.migration";
import { CafWrites1732400000000 } from "./writes.migration";
import { CAF, CAF_GRANT_LIST } from "./caf.funder";

export const cafSubgraph = fundingLinesModule(CAF, {
  migrations: [CafInitial1732300000000, CafWrites1732400000000],
  list: CAF_GRANT_LIST,
  demo: (dataset) => dataset.grants,
});

if (require.main === module) runSubgraphMain(cafSubgraph);
