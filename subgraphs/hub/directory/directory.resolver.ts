import { Arg, Ctx, Directive, Field, InputType, Mutation, Resolver } from "type-graphql";
import { badInput } from "../../shared/errors";
import { isValidSiret } from "../../shared/siret";
import type { HubContext } from "../schema";
import { recordStructureNames } from "./record";

@Directive("@inaccessible")
@InputType({ description: "Interne : un SIRET et le nom qu'un financeur lui donne." })
class StructureNameInput {
  @Field({ description: "SIRET (14 chiffres)." }) siret: string;
  @Field({ description: "Nom enregistré par le financeur." }) name: string;
}

/**
 * What a funder subgraph calls, signed like the gateway's requests, before it acknowledges a
 * write: the SIRETs it records, so that the next read through the gateway shows their name.
 * @inaccessible: not in the public API (the gateway cannot route it); the hub keeps the first name.
 */
@Resolver()
export class StructureDirectoryMutations {
  @Directive("@inaccessible")
  @Mutation(() => Boolean, { description: "Interne : inscrit des SIRET à l'annuaire des structures (le premier nom reste)." })
  async recordStructureNames(
    @Arg("names", () => [StructureNameInput], { description: "Les SIRET et leurs noms." }) names: StructureNameInput[],
    @Arg("recordedBy", { description: "L'organisation qui écrit (ex. « caf:44 »)." }) recordedBy: string,
    @Ctx() ctx: HubContext,
  ): Promise<boolean> {
    const invalid = names.find((n) => !isValidSiret(n.siret));
    if (invalid) throw badInput(`SIRET invalide : « ${invalid.siret} ».`, "names");
    await ctx.dataSource.transaction((m) => recordStructureNames(m, names, recordedBy));
    return true;
  }
}
