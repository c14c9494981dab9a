import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { DepartmentRow, RegionRow } from "../domain/reference/reference.entities";
import { byKey, groupBy } from "../platform/graphql/batch";
import { RegionalCallAnnouncementRow } from "./reference.entities";
import { structureNameLoader } from "./directory/loaders";

export type HubLoaders = ReturnType<typeof createHubLoaders>;

export function createHubLoaders(ds: DataSource) {
  return {
    region: new DataLoader<string, RegionRow | undefined>(async (codes) =>
      byKey(await ds.getRepository(RegionRow).findBy({ code: In([...codes]) }), (r) => r.code, codes),
    ),
    department: new DataLoader<string, DepartmentRow | undefined>(async (codes) =>
      byKey(await ds.getRepository(DepartmentRow).findBy({ code: In([...codes]) }), (d) => d.code, codes),
    ),
    departmentsOfRegion: new DataLoader<string, DepartmentRow[]>(async (codes) => {
      const grouped = groupBy(
        await ds.getRepository(DepartmentRow).find({ where: { regionCode: In([...codes]) }, order: { code: "ASC" } }),
        (d) => d.regionCode,
      );
      return codes.map((c) => grouped.get(c) ?? []);
    }),
    announcementsOfRegion: new DataLoader<string, RegionalCallAnnouncementRow[]>(async (codes) => {
      const grouped = groupBy(
        await ds.getRepository(RegionalCallAnnouncementRow).findBy({ regionCode: In([...codes]) }),
        (a) => a.regionCode,
      );
      return codes.map((c) => grouped.get(c) ?? []);
    }),
    structureName: structureNameLoader(ds),
  };
}
