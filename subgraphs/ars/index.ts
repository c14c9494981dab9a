/**
 * ARS subgraph: the health side of the regional calls (volet santé), funded by the FIR.
 * Its schema and tables are the regional-call module's (shared with the DREETS, which runs the
 * social side); see subgraphs/regional-call.
 */
import { HEALTH_SIDE } from "./side";
import { regionalCallSubgraph } from "../regional-call/module";
import { runSubgraphMain } from "../platform/server/main";

export const arsSubgraph = regionalCallSubgraph(HEALTH_SIDE);

if (require.main === module) runSubgraphMain(arsSubgraph);
