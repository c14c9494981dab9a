import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { FundingContribution } from "../domain/federation/funding.types";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver } from "../domain/federation/entity-stubs";
import { RegionalCallContext } from "./context";
import { CallObject, DepartmentRef, LaureateObject, ProjectRef, RegionalCallTypes, RegionRef, StructureRef } from "./types";

/**
 * What the side adds to the entities owned elsewhere (Region, Department, Structure, Project): its
 * calls and laureates under side-prefixed names, and its funding contribution.
 */
export function createEntityFieldResolvers({ side, stubs, Call, toCall, Laureate, toLaureate }: RegionalCallTypes) {
  const f = side.fieldPrefix;

  @Resolver(() => stubs.Region)
  class RegionResolver {
    @FieldResolver(() => [Call], { name: `${f}Calls`, nullable: true, description: `Appels à projets de la région, volet ${side.volet}.` })
    async calls(
      @Root() region: RegionRef,
      @Ctx() ctx: RegionalCallContext,
      @Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." }) year?: number,
    ): Promise<CallObject[]> {
      const rows = await ctx.loaders.callsByRegion.load(region.code);
      return rows.filter((c) => year == null || c.year === year).map(toCall);
    }

    @contributionResolver(side.subgraph)
    contribution(@Root() region: RegionRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Region", region.code);
    }
  }

  @Resolver(() => stubs.Department)
  class DepartmentResolver {
    @contributionResolver(side.subgraph)
    contribution(@Root() department: DepartmentRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Department", department.code);
    }
  }

  @Resolver(() => stubs.Structure)
  class StructureResolver {
    @FieldResolver(() => [Laureate], {
      name: `${f}Projects`,
      nullable: true,
      description: `Projets lauréats de la structure, volet ${side.volet}, toutes années.`,
    })
    async projects(@Root() structure: StructureRef, @Ctx() ctx: RegionalCallContext): Promise<LaureateObject[]> {
      return (await ctx.loaders.projectsByStructure.load(structure.siret)).map(toLaureate);
    }

    @contributionResolver(side.subgraph)
    contribution(@Root() structure: StructureRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Structure", structure.siret);
    }
  }

  @Resolver(() => stubs.Project)
  class ProjectResolver {
    @FieldResolver(() => [Laureate], {
      name: `${f}Projects`,
      nullable: true,
      description: `Projets lauréats du dossier, volet ${side.volet}.`,
    })
    async projects(@Root() project: ProjectRef, @Ctx() ctx: RegionalCallContext): Promise<LaureateObject[]> {
      return (await ctx.loaders.projectsByRef.load(project.ref)).map(toLaureate);
    }

    @contributionResolver(side.subgraph)
    contribution(@Root() project: ProjectRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Project", project.ref);
    }
  }

  return [RegionResolver, DepartmentResolver, StructureResolver, ProjectResolver] as const;
}
