import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { StructureRow } from "../structure.entity";
import { FundingLine } from "../federation/funding.types";
import { departmentsOf } from "../reference/cog";
import { byKey } from "../../platform/graphql/batch";

/** The name this subgraph recorded for each SIRET (its contribution's `recordedName`). */
export const structureNameLoader = (ds: DataSource) =>
  new DataLoader<string, string | null>(async (sirets) =>
    byKey(await ds.getRepository(StructureRow).findBy({ siret: In([...sirets]) }), (s) => s.siret, sirets).map((s) => s?.name ?? null),
  );

/**
 * A region's lines are its departments' lines: one batched query on the department loader for all
 * regions. A department that fails fails its region (an Error for that key, not an empty list):
 * dropped silently, its lines would make a smaller total that looks complete.
 */
export const regionLinesFromDepartments = <Line = FundingLine>(byDepartment: DataLoader<string, Line[]>) =>
  new DataLoader<string, Line[]>(async (regions) =>
    Promise.all(
      regions.map(async (region) => {
        const loaded = await byDepartment.loadMany(departmentsOf(region).map((d) => d.code));
        const failed = loaded.find((l): l is Error => l instanceof Error);
        return failed ?? (loaded as Line[][]).flat();
      }),
    ),
  );
