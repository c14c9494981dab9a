import { HubContext } from "./context";
import { HubEntities } from "./entities.type";

/** `__resolveReference` of the hub's entities: regions and departments through the request's loaders, the others by their key. */
export function createHubReferences({ Structure, Project, toRegion, toDepartment }: HubEntities) {
  return {
    Region: {
      async __resolveReference(ref: { code: string }, ctx: HubContext) {
        const row = await ctx.loaders.region.load(ref.code);
        return row ? Object.assign(toRegion(row), ref) : null;
      },
    },
    Department: {
      async __resolveReference(ref: { code: string }, ctx: HubContext) {
        const row = await ctx.loaders.department.load(ref.code);
        return row ? Object.assign(toDepartment(row), ref) : null;
      },
    },
    Structure: { __resolveReference: (ref: { siret: string }) => Object.assign(new Structure(), ref) },
    Project: { __resolveReference: (ref: { ref: string }) => Object.assign(new Project(), ref) },
  };
}
