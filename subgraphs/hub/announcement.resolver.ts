import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RegionRow } from "../domain/reference/reference.entities";
import { AnnouncementObject, AnnouncementType } from "./announcement.type";
import { HubContext } from "./context";
import { HubEntities, RegionObject } from "./entities.type";

/** The region of a 2022 announcement. */
export function createAnnouncementResolver({ Region, toRegion }: HubEntities, { RegionalCallAnnouncement }: AnnouncementType) {
  @Resolver(() => RegionalCallAnnouncement)
  class AnnouncementResolver {
    @FieldResolver(() => Region, { description: "Région." })
    async region(@Root() announcement: AnnouncementObject, @Ctx() ctx: HubContext): Promise<RegionObject> {
      return toRegion((await ctx.loaders.region.load(announcement.regionCode)) as RegionRow);
    }
  }
  return AnnouncementResolver;
}
