import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { StructureRow } from "../db/structure.entity";
import { FundingLine } from "../federation/funding.types";
import { departmentsOf } from "../reference/cog";
import { byKey } from "./batch";

/** The name this subgraph recorded for each SIRET (its contribution's `recordedName`). */
export const structureNameLoader = (ds: DataSource) =>
  new DataLoader<string, string | null>(async (sirets) =>
    byKey(await ds.getRepository(StructureRow).findBy({ siret: In([...sirets]) }), (s) => s.siret, sirets).map((s) => s?.name ?? null),
  );

/** A region's lines are its departments' lines: one batched query on the department loader for all regions. */
export const regionLinesFromDepartments = (byDepartment: DataLoader<string, FundingLine[]>) =>
  new DataLoader<string, FundingLine[]>(async (regions) =>
    Promise.all(regions.map(async (region) => (await byDepartment.loadMany(departmentsOf(region).map((d) => d.code))).flatMap((l) => (l instanceof Error ? [] : l)))),
  );
