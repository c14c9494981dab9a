import { GraphQLSchema } from "graphql";
import { DatabaseConfig } from "../config";
import { AuthConfig } from "../auth/config";
import { Actor } from "../auth/organisation";
import { SubgraphDatabase } from "../db/create-data-source";
import { DemoDataset } from "../../../fixtures/demo/dataset";
import { createStructureDirectory, NO_STRUCTURE_DIRECTORY, StructureDirectory } from "../directory/client";
import { startSubgraphServer, SubgraphServer } from "./subgraph-server";
import { ObservabilitySettings } from "./observability";

/** What every subgraph of the hub provides; `start` assembles it into a running server. */
export interface SubgraphModule<Context extends object = object> {
  name: string;
  /** Builds the schema alone (no database): what `npm run compose` prints. */
  buildSchema(): Promise<GraphQLSchema>;
  openDatabase(config: DatabaseConfig): Promise<SubgraphDatabase>;
  /** The per-request context; `directory` is the server's own (its writes tell it the SIRETs they record). */
  createContext(database: SubgraphDatabase, actor: Actor | null, directory: StructureDirectory): Context;
  /** Loads this subgraph's slice of the fictitious demo set, once, in one transaction. */
  loadDemo?(database: SubgraphDatabase, dataset: DemoDataset): Promise<void>;
}

export interface StartOptions {
  database: DatabaseConfig;
  auth: AuthConfig;
  port?: number;
  host?: string;
  demo?: DemoDataset | null;
  /** The hub's GraphQL URL, which a funder's writes tell the SIRETs they record (the structure directory). */
  directoryUrl?: string;
  observability?: ObservabilitySettings;
  /** The largest request body read; unset: DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

/** The structure directory a server's writes tell, built once per server: none without the hub's URL (the hub itself). */
export const structureDirectoryOf = (options: Pick<StartOptions, "directoryUrl" | "auth">): StructureDirectory =>
  options.directoryUrl
    ? createStructureDirectory({ url: options.directoryUrl, hmacSecret: options.auth.hmacSecret })
    : NO_STRUCTURE_DIRECTORY;

export async function startSubgraph(module: SubgraphModule, options: StartOptions): Promise<SubgraphServer> {
  const directory = structureDirectoryOf(options);
  const database = await module.openDatabase(options.database);
  if (options.demo && module.loadDemo) await module.loadDemo(database, options.demo);
  const schema = await module.buildSchema();
  return startSubgraphServer({
    name: module.name,
    schema,
    database,
    createContext: (actor) => module.createContext(database, actor, directory),
    auth: options.auth,
    port: options.port,
    host: options.host,
    observability: options.observability,
    maxBodyBytes: options.maxBodyBytes,
  });
}
