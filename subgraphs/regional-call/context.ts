import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { StructureDirectory } from "../platform/directory/client";
import { RegionalCallLoaders } from "./loaders";

/** What a regional-call resolver receives: the caller, the request's loaders, the side's database and structure directory. */
export interface RegionalCallContext {
  actor: Actor | null;
  loaders: RegionalCallLoaders;
  dataSource: DataSource;
  directory: StructureDirectory;
}
