import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { byKey } from "../../platform/graphql/batch";
import { directoryName, StructureDirectoryRow } from "./structure-directory.entity";

/** Structure.name for every SIRET of an answer in one query: the directory, never the funders. */
export const structureNameLoader = (ds: DataSource) =>
  new DataLoader<string, string | null>(async (sirets) =>
    byKey(await ds.getRepository(StructureDirectoryRow).findBy({ siret: In([...sirets]) }), (s) => s.siret, sirets).map(directoryName),
  );
