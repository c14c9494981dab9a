/**
 * A funder subgraph assembled from its declaration: the schema (its line type's fields, its lists,
 * its contributions, its operations and, when it has one, its national list), its database (the
 * reference tables, its structures, its lines, the audit trail), the per-request loaders and demo.
 */
import { DataSource, MigrationInterface, ObjectLiteral } from "typeorm";
import { NonEmptyArray } from "type-graphql";
import { REFERENCE_ENTITIES } from "../domain/reference/reference.entities";
import { StructureRow } from "../domain/structure.entity";
import { createEntityStubs } from "../domain/federation/entity-stubs";
import { DemoDataset } from "../../fixtures/demo/dataset";
import { insertDemoStructures, loadDemoOnce } from "../../fixtures/demo/load";
import { AuditEntryRow } from "../platform/audit/audit-entry.entity";
import { openDatabase } from "../platform/db/create-data-source";
import { buildFederatedSchema } from "../platform/federation/build-federated-schema";
import { SubgraphModule } from "../platform/server/subgraph-module";
import type { AnyFundingLineFunder, FundingLineRow, FundingLinesContext, LineListDeclaration } from "./funder";
import { createFundingLineLoaders } from "./loaders";
import { lineFieldsResolver, lineListResolvers } from "./line.resolver";
import { contributionResolvers } from "./contribution.resolver";
import { operationResolvers } from "./operations.resolver";
import { referenceResolvers } from "./line.reference";
import { lineListQuery } from "./line-list.resolver";

type DemoLine = Pick<FundingLineRow, "siret"> & object;

export interface FundingLinesModuleOptions {
  /** The funder's shipped migrations, in order (frozen: never edited once shipped). */
  migrations: (new () => MigrationInterface)[];
  /** The funder's national list of lines, when it has one. */
  list?: LineListDeclaration;
  /** The funder's lines in the demo set, as the entity's columns (a demo line and its structure are flagged `demo`). */
  demo?: (dataset: DemoDataset) => readonly DemoLine[];
}

export function fundingLinesModule<Row extends FundingLineRow>(
  funder: AnyFundingLineFunder<Row>,
  options: FundingLinesModuleOptions,
): SubgraphModule<FundingLinesContext<Row>> {
  // once per module: type-graphql hangs the field resolvers on these classes
  const stubs = createEntityStubs();
  const resolvers = [
    lineFieldsResolver(funder, stubs),
    ...lineListResolvers(funder, stubs),
    ...contributionResolvers(funder.name, stubs),
    ...operationResolvers(funder),
    ...(options.list ? [lineListQuery(funder, options.list)] : []),
  ] as NonEmptyArray<new () => object>;
  const { demo } = options;
  return {
    name: funder.name,
    buildSchema: () => buildFederatedSchema({ resolvers, orphanedTypes: stubs.all }, referenceResolvers(funder)),
    openDatabase: (config) =>
      openDatabase(config, {
        name: funder.name,
        entities: [...REFERENCE_ENTITIES, StructureRow, funder.row, AuditEntryRow],
        migrations: options.migrations,
      }),
    createContext: (db, actor, directory) => ({
      dataSource: db.dataSource,
      actor,
      loaders: createFundingLineLoaders(db.dataSource, funder),
      directory,
    }),
    loadDemo: demo && ((db, dataset) => loadDemoLines(funder, db.dataSource, dataset, demo(dataset))),
  };
}

/** The demo lines and the structures they point to, once, in one transaction. */
async function loadDemoLines(
  funder: AnyFundingLineFunder,
  ds: DataSource,
  dataset: DemoDataset,
  lines: readonly DemoLine[],
): Promise<void> {
  await loadDemoOnce(ds, funder.row, async (manager) => {
    await insertDemoStructures(
      manager,
      dataset,
      lines.map((l) => l.siret),
    );
    const rows = lines.map((l) => manager.create<ObjectLiteral, object>(funder.row, { ...l, demo: true }));
    for (let i = 0; i < rows.length; i += 200) await manager.insert(funder.row, rows.slice(i, i + 200));
  });
}
