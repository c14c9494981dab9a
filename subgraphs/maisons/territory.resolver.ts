import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { MaisonsContext } from "./context";
import { MaisonDecision } from "./maison.entities";
import { MaisonProject, MaisonTerritory, toMaison } from "./maison.type";

@Resolver(() => MaisonTerritory)
export class TerritoryResolver {
  @FieldResolver(() => [MaisonProject], { description: "Projets de Maison du territoire." })
  async projects(@Root() territory: MaisonTerritory, @Ctx() ctx: MaisonsContext): Promise<MaisonProject[]> {
    return (await ctx.loaders.projectsOfTerritories()).filter((p) => p.territoryCode === territory.region.code).map(toMaison);
  }

  @FieldResolver(() => Boolean, {
    description: "Vrai si au moins un projet du territoire est labellisé (résultat attendu : au moins un par territoire).",
  })
  async hasLabelledProject(@Root() territory: MaisonTerritory, @Ctx() ctx: MaisonsContext): Promise<boolean> {
    return (await ctx.loaders.projectsOfTerritories()).some(
      (p) => p.territoryCode === territory.region.code && p.decision === MaisonDecision.LABELLED,
    );
  }
}
