import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { MaisonsLoaders } from "./loaders";

/** What a Maisons resolver receives: the caller, the request's loaders, the subgraph's database. */
export interface MaisonsContext {
  actor: Actor | null;
  loaders: MaisonsLoaders;
  dataSource: DataSource;
}

export const SUBGRAPH = "maisons";
