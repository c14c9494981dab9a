/**
 * DREETS subgraph (DEETS overseas): the social side of the regional calls (accompagnement des
 * parents), funded by programme 304 action 17. Same shape as the ARS side; see
 * subgraphs/regional-call.
 */
import { SOCIAL_SIDE } from "./side";
import { regionalCallSubgraph } from "../regional-call/module";
import { runSubgraphMain } from "../platform/server/main";

export const dreetsSubgraph = regionalCallSubgraph(SOCIAL_SIDE);

if (require.main === module) runSubgraphMain(dreetsSubgraph);
