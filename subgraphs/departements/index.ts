/**
 * Departements subgraph: the credits of the conseils départementaux (PMI, the prevention and
 * protection contract, co-funding of Maisons and of call laureates). Built as a partner would:
 * its own table, migrations, programmes and rules; the rest (the shared entities it extends, its
 * `departementsContribution` to cross-financing, its loaders) from the funding-lines block.
 */
import { runSubgraphMain } from "../platform/server/main";
import { fundingLinesModule } from "../funding-lines/module";
import { DepartementsInitial1732500000000 } from "./initial.migration";
import { DEPARTEMENTS, DEPARTMENTAL_CREDIT_LIST } from "./departements.funder";
import { DepartmentalProgramme } from "./departmental-credit.entity";

export const departementsSubgraph = fundingLinesModule(DEPARTEMENTS, {
  migrations: [DepartementsInitial1732500000000],
  list: DEPARTMENTAL_CREDIT_LIST,
  demo: (dataset) => dataset.credits.map(({ programme, ...credit }) => ({ ...credit, programme: DepartmentalProgramme[programme] })),
});

if (require.main === module) runSubgraphMain(departementsSubgraph);
