import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FundingContribution } from "../domain/federation/funding.types";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver } from "../domain/federation/entity-stubs";
import { MaisonsContext, SUBGRAPH } from "./context";
import { Department, Project, Region, Structure } from "./entity-stubs";
import { MaisonProjectRow } from "./maison.entities";
import { MaisonProject, toMaison } from "./maison.type";

/** What the Maisons add to the entities owned elsewhere: their projects and their funding contribution. */
@Resolver(() => Region)
export class RegionResolver {
  @contributionResolver(SUBGRAPH)
  contribution(@Root() region: Region, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Region", region.code);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @contributionResolver(SUBGRAPH)
  contribution(@Root() department: Department, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Department", department.code);
  }
}

@Resolver(() => Structure)
export class StructureResolver {
  @FieldResolver(() => [MaisonProject], { nullable: true, description: "Projets de Maison que la structure porte ou coporte." })
  async maisonProjects(@Root() structure: Structure, @Ctx() ctx: MaisonsContext): Promise<MaisonProject[]> {
    const ids = await ctx.loaders.projectIdsByCarrier.load(structure.siret);
    const rows = await ctx.loaders.projectById.loadMany(ids);
    return rows.filter((r): r is MaisonProjectRow => r instanceof MaisonProjectRow).map(toMaison);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() structure: Structure, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Structure", structure.siret);
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => [MaisonProject], { nullable: true, description: "Projets de Maison du dossier." })
  async maisonProjects(@Root() project: Project, @Ctx() ctx: MaisonsContext): Promise<MaisonProject[]> {
    return (await ctx.loaders.projectsByRef.load(project.ref)).map(toMaison);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() project: Project, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Project", project.ref);
  }
}
