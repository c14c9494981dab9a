import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { StructureDirectory } from "../platform/directory/client";
import { MaisonsLoaders } from "./loaders";

/** What a Maisons resolver receives: the caller, the request's loaders, the subgraph's database and structure directory. */
export interface MaisonsContext {
  actor: Actor | null;
  loaders: MaisonsLoaders;
  dataSource: DataSource;
  directory: StructureDirectory;
}

export const SUBGRAPH = "maisons";
