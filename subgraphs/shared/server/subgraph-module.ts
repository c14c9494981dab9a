import { GraphQLSchema } from "graphql";
import { DatabaseConfig } from "../config";
import { SubgraphDatabase } from "../db/create-data-source";
import { DemoDataset } from "../demo/dataset";
import { startSubgraphServer, SubgraphServer } from "./subgraph-server";

/** What every subgraph of the hub provides; `start` assembles it into a running server. */
export interface SubgraphModule<Context extends object = object> {
  name: string;
  /** Builds the schema alone (no database): what `npm run compose` prints. */
  buildSchema(): Promise<GraphQLSchema>;
  openDatabase(config: DatabaseConfig): Promise<SubgraphDatabase>;
  createContext(database: SubgraphDatabase): Context;
  /** Loads this subgraph's slice of the fictitious demo set, once, in one transaction. */
  loadDemo?(database: SubgraphDatabase, dataset: DemoDataset): Promise<void>;
}

export interface StartOptions {
  database: DatabaseConfig;
  port?: number;
  host?: string;
  demo?: DemoDataset | null;
}

export async function startSubgraph(module: SubgraphModule, options: StartOptions): Promise<SubgraphServer> {
  const database = await module.openDatabase(options.database);
  if (options.demo && module.loadDemo) await module.loadDemo(database, options.demo);
  const schema = await module.buildSchema();
  return startSubgraphServer({ name: module.name, schema, database, createContext: () => module.createContext(database), port: options.port, host: options.host });
}
