import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { MaisonsContext } from "./context";
import { MaisonDecision } from "./maison.entities";
import { MaisonProject, toMaison } from "./maison.type";
import { CriterionInput, MaisonProjectInput } from "./inputs";
import { maisonWrites } from "./writes";

@Resolver()
export class MaisonMutations {
  @Mutation(() => MaisonProject, {
    description:
      "Soumet un projet de Maison au comité national. Par l'ARS (ou la DEETS, ou la CAF) d'un territoire d'outre-mer ; budget 2024-2025.",
  })
  async submitMaisonProject(
    @Arg("input", () => MaisonProjectInput, { description: "La fiche projet et le budget." }) input: MaisonProjectInput,
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject> {
    return toMaison(await maisonWrites(ctx.dataSource, ctx.directory).submit(ctx.actor, input));
  }

  @Mutation(() => MaisonProject, { description: "Évalue des critères de la grille (annexe 2). Réservé au niveau national." })
  async assessMaisonProject(
    @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
    @Arg("criteria", () => [CriterionInput], { description: "Critères évalués (oui / non)." }) criteria: CriterionInput[],
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject> {
    return toMaison(await maisonWrites(ctx.dataSource, ctx.directory).assess(ctx.actor, id, criteria));
  }

  @Mutation(() => MaisonProject, {
    description: "Décision du comité national ; la labellisation exige les 10 critères évalués. Réservé au niveau national.",
  })
  async decideMaisonProject(
    @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
    @Arg("decision", () => MaisonDecision, { description: "Décision." }) decision: MaisonDecision,
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject> {
    return toMaison(await maisonWrites(ctx.dataSource, ctx.directory).decide(ctx.actor, id, decision));
  }
}
