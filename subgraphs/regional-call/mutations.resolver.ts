import { Arg, Ctx, Float, ID, Int, Mutation, Resolver } from "type-graphql";
import { RegionalCallContext } from "./context";
import { AwardProjectInput, OpenCallInput } from "./inputs";
import { callWrites } from "./call.writes";
import { laureateWrites } from "./laureate.writes";
import { CallObject, LaureateObject, RegionalCallTypes } from "./types";

/** The side's mutations: open a call, award, evaluate, renew and withdraw a laureate. */
export function createMutationsResolver({ side, Call, toCall, Laureate, toLaureate }: RegionalCallTypes) {
  const P = side.typePrefix;

  @Resolver()
  class MutationResolver {
    @Mutation(() => Call, {
      name: `open${P}Call`,
      description: `Ouvre un appel à projets, volet ${side.volet}. Réservé à l'organisation ${side.body.toLowerCase()}:<région> de la région.`,
    })
    async openCall(
      @Arg("input", () => OpenCallInput, { description: "L'appel." }) input: OpenCallInput,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<CallObject> {
      return toCall(await callWrites(ctx.dataSource, side).openCall(ctx.actor, input));
    }

    @Mutation(() => Laureate, {
      name: `award${P}Project`,
      description: `Attribue un financement à un projet lauréat, volet ${side.volet} : axes retenus par l'appel, départements de la région, enveloppe respectée.`,
    })
    async award(
      @Arg("input", () => AwardProjectInput, { description: "Le projet et son financement." }) input: AwardProjectInput,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<LaureateObject> {
      return toLaureate(await laureateWrites(ctx.dataSource, ctx.directory, side).awardProject(ctx.actor, input));
    }

    @Mutation(() => Laureate, {
      name: `record${P}Evaluation`,
      description: "Enregistre l'évaluation d'un projet (favorable ou non) : condition d'une reconduction.",
    })
    async evaluate(
      @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
      @Arg("favourable", { description: "Évaluation favorable." }) favourable: boolean,
      @Arg("summary", () => String, { nullable: true, description: "Synthèse de l'évaluation." }) summary: string | null,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<LaureateObject> {
      return toLaureate(
        await laureateWrites(ctx.dataSource, ctx.directory, side).recordEvaluation(ctx.actor, id, favourable, summary ?? null),
      );
    }

    @Mutation(() => Laureate, {
      name: `renew${P}Project`,
      description: "Reconduit un projet pour une année ultérieure, seulement après une évaluation favorable (instruction 2023).",
    })
    async renew(
      @Arg("id", () => ID, { description: "Identifiant du projet reconduit." }) id: string,
      @Arg("year", () => Int, { description: "Année de la reconduction." }) year: number,
      @Arg("amount", () => Float, { description: "Montant en euros." }) amount: number,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<LaureateObject> {
      return toLaureate(await laureateWrites(ctx.dataSource, ctx.directory, side).renewProject(ctx.actor, id, year, amount));
    }

    @Mutation(() => Laureate, { name: `withdraw${P}Project`, description: "Retire un projet : il ne compte plus dans les financements." })
    async withdraw(
      @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
      @Arg("reason", { description: "Motif du retrait." }) reason: string,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<LaureateObject> {
      return toLaureate(await laureateWrites(ctx.dataSource, ctx.directory, side).withdrawProject(ctx.actor, id, reason));
    }
  }
  return MutationResolver;
}
