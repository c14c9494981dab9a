/**
 * The funder's `<name>Contribution` on every financed entity (Region, Department, Structure,
 * Project), generated once: what the hub's crossFinancing and explorer add up.
 */
import { Ctx, Resolver, Root } from "type-graphql";
import { FINANCED_ENTITIES, FinancedEntity } from "../domain/federation/contributions";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver, createEntityStubs } from "../domain/federation/entity-stubs";
import { FundingContribution } from "../domain/federation/funding.types";
import type { FundingLinesContext } from "./funder";

/** The key field of each financed entity's stub. */
const KEY_OF: Record<FinancedEntity, string> = { Region: "code", Department: "code", Structure: "siret", Project: "ref" };

export function contributionResolvers(subgraph: string, stubs: ReturnType<typeof createEntityStubs>) {
  return FINANCED_ENTITIES.map((entity) => {
    @Resolver(() => stubs[entity])
    class Contribution {
      @contributionResolver(subgraph)
      contribution(@Root() root: Record<string, string>, @Ctx() ctx: FundingLinesContext): FundingContribution {
        return contributionOf(ctx.loaders, entity, root[KEY_OF[entity]]);
      }
    }
    return Contribution;
  });
}
