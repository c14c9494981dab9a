import { Arg, Ctx, Directive, Field, InputType, Mutation, Resolver } from "type-graphql";
import { requireActor } from "../../platform/auth/policy";
import { writeTransaction } from "../../platform/db/write-transaction";
import { TEXT_LIMITS } from "../../domain/rules/limits";
import { Violations } from "../../domain/rules/violations";
import type { HubContext } from "../context";
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
    @Ctx() ctx: HubContext,
  ): Promise<boolean> {
    // the writer's own verified token, forwarded by its funder subgraph: the gateway's signature
    // alone (which every partner running a subgraph can make) does not let anyone name structures
    const actor = requireActor(ctx.actor);
    const v = new Violations();
    names.forEach((n, i) => {
      v.siret(`names[${i}].siret`, n.siret);
      v.text(`names[${i}].name`, n.name, "Le nom de la structure", TEXT_LIMITS.name);
    });
    v.throwIfAny();
    await writeTransaction(ctx.dataSource, (m) => recordStructureNames(m, names, actor.organisation.id));
    return true;
  }
}
