import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { HubLoaders } from "./loaders";

/** What a hub resolver receives: the caller, the request's loaders, the hub's database. */
export interface HubContext {
  actor: Actor | null;
  loaders: HubLoaders;
  dataSource: DataSource;
}
