import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { OVERSEAS_REGIONS } from "../domain/reference/cog";
import { loadByRowId } from "../platform/graphql/load-by-row-id";
import { LabellingCriterion } from "./assessment.type";
import { MaisonsContext } from "./context";
import { MaisonProject, MaisonTerritory, toMaison } from "./maison.type";

@Resolver()
export class MaisonQueries {
  @Query(() => [MaisonTerritory], {
    description: "Le tableau de labellisation : les cinq territoires d'outre-mer et leurs projets de Maison.",
  })
  maisonTerritories(): MaisonTerritory[] {
    return OVERSEAS_REGIONS.map((r) => ({ region: { code: r.code } }));
  }

  @Query(() => MaisonProject, { nullable: true, description: "Un projet de Maison par son identifiant." })
  async maisonProject(
    @Arg("id", () => ID, { description: "Identifiant." }) id: string,
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject | null> {
    const row = await loadByRowId(ctx.loaders.projectById, id);
    return row ? toMaison(row) : null;
  }

  @Query(() => [LabellingCriterion], { description: "Les 10 critères de la grille de labellisation (annexe 2), avec leurs codes." })
  async labellingCriteria(@Ctx() ctx: MaisonsContext): Promise<LabellingCriterion[]> {
    return ctx.loaders.labellingGrid();
  }
}
