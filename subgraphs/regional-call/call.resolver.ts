import { Ctx, FieldResolver, Float, Resolver, Root } from "type-graphql";
import { COUNTED_STATUSES } from "../domain/enums";
import { centsToEuros, sumCents } from "../domain/money";
import { minimumAwardCents } from "../domain/reference/instructions";
import { RegionalCallContext } from "./context";
import { CallObject, LaureateObject, RegionalCallTypes, RegionRef } from "./types";

/** A call's region, laureates, awarded total and minimum award. */
export function createCallResolver({ Call, Laureate, toLaureate, stubs }: RegionalCallTypes) {
  @Resolver(() => Call)
  class CallResolver {
    @FieldResolver(() => stubs.Region, { description: "Région de l'appel." })
    region(@Root() call: CallObject): RegionRef {
      return { code: call.row.regionCode };
    }

    @FieldResolver(() => [Laureate], { description: "Projets lauréats retenus par l'appel (hors reconductions)." })
    async projects(@Root() call: CallObject, @Ctx() ctx: RegionalCallContext): Promise<LaureateObject[]> {
      return (await ctx.loaders.projectsByCall.load(call.row.id)).map(toLaureate);
    }

    @FieldResolver(() => Float, { description: "Total attribué aux lauréats de l'appel pour ce volet, en euros (projets retirés exclus)." })
    async awarded(@Root() call: CallObject, @Ctx() ctx: RegionalCallContext): Promise<number> {
      const laureates = await ctx.loaders.projectsByCall.load(call.row.id);
      return centsToEuros(sumCents(laureates.filter((p) => COUNTED_STATUSES.includes(p.status)).map((p) => p.amountCents)));
    }

    @FieldResolver(() => Float, {
      description: "Dotation minimale des lauréats fixée par l'instruction : 100 000 €, 200 000 € pour un appel commun ARS-DREETS.",
    })
    minimumAward(@Root() call: CallObject): number {
      return centsToEuros(minimumAwardCents(call.joint));
    }

    @FieldResolver(() => Boolean, {
      description:
        "Vrai si le total attribué atteint la dotation minimale. Pour un appel commun, la dotation minimale porte sur les deux volets ensemble : ce champ ne compte que ce volet.",
    })
    async minimumAwardMet(@Root() call: CallObject, @Ctx() ctx: RegionalCallContext): Promise<boolean> {
      return (await this.awarded(call, ctx)) >= this.minimumAward(call);
    }
  }
  return CallResolver;
}
