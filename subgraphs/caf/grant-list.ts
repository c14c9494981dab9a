/**
 * The national list of CAF grants (Query.parentalityGrants), under the explorer's filters: what a
 * question such as "which structures does the CAF of Loire-Atlantique fund on axis 3" needs.
 */
import { Args, Ctx, Field, ID, InputType, Int, Query, Resolver } from "type-graphql";
import { DataSource } from "typeorm";
import { FundingSource } from "../domain/enums";
import { Violations } from "../domain/rules/violations";
import { connectionTypes } from "../platform/graphql/connection";
import { idKeysetPage, RowPage } from "../platform/graphql/keyset-page";
import { addExplorerFilterFields } from "../domain/explorer/filter.input";
import { checkExplorerFilter, checkNonEmpty, ExplorerFilterValues, graphqlFilterField } from "../domain/explorer/filter.rules";
import { applyDepartmentalTerritory, applyExplorerFilter } from "../domain/explorer/filter.sql";
import { ParentalityGrantRow } from "./parentality-grant.entity";
import { CAF_FUNDS } from "./writes";
import { CafContext, ParentalityGrant, toGrant } from "./schema";

@InputType({ description: "Filtre des subventions des CAF : les critères donnés se cumulent (ET)." })
export class ParentalityGrantFilter {
  @Field(() => Int, { nullable: true, description: "Année de la subvention." }) year?: number | null;
  @Field(() => ID, { nullable: true, description: "Code INSEE d'une région : les subventions des CAF de ses départements (COG)." })
  region?: string | null;
  @Field(() => ID, { nullable: true, description: "Code INSEE du département de la CAF." }) department?: string | null;
  @Field(() => [FundingSource], {
    nullable: true,
    description: `Fonds : les subventions sur l'un d'eux, fonds des CAF seulement (${CAF_FUNDS.join(", ")}) ; liste non vide.`,
  })
  funds?: FundingSource[] | null;
}
addExplorerFilterFields(ParentalityGrantFilter);

const { Connection, PageArgs, toConnection } = connectionTypes("ParentalityGrant", ParentalityGrant, ParentalityGrantFilter, {
  a: "Une subvention de CAF",
  the: "La subvention",
  many: "subventions des CAF",
});
type Connection = InstanceType<typeof Connection>;

export interface GrantFilterValues extends ExplorerFilterValues {
  year?: number | null;
  funds?: readonly FundingSource[] | null;
}

/** One page of CAF grants under a filter, in id order: one statement for the page, one for the count. */
export async function grantPage(
  ds: DataSource,
  filter: GrantFilterValues | null | undefined,
  first: number,
  after?: string | null,
): Promise<RowPage<ParentalityGrantRow>> {
  const v = new Violations();
  const checked = checkExplorerFilter(filter, v);
  const funds = checkNonEmpty(v, graphqlFilterField("funds"), filter?.funds, "Fonds");
  const notCaf = (funds ?? []).filter((f) => !CAF_FUNDS.includes(f));
  v.check(
    notCaf.length === 0,
    graphqlFilterField("funds"),
    "FUND_NOT_CAF",
    `Fonds qui ne sont pas ceux des CAF : ${notCaf.join(", ")} (fonds des CAF : ${CAF_FUNDS.join(", ")} ; FIR et P304 sont aux ARS et DREETS).`,
  );
  v.throwIfAny();
  const filtered = () => {
    const qb = ds.getRepository(ParentalityGrantRow).createQueryBuilder("g");
    applyDepartmentalTerritory(qb, "g", filter);
    if (funds) qb.andWhere("g.fund IN (:...funds)", { funds });
    // the structure name the CAF recorded: its own structure row for the SIRET (the grant line keeps none)
    return applyExplorerFilter(qb, checked, {
      amountCents: "g.amount_cents",
      axes: "g.axes",
      texts: ["g.title", "(SELECT s.name FROM structure s WHERE s.siret = g.siret)"],
    });
  };
  return idKeysetPage(filtered, "g", first, after);
}

@Resolver()
export class ParentalityGrantListQuery {
  @Query(() => Connection, {
    description:
      "Les subventions de toutes les CAF, paginées, sous un filtre dont les critères se cumulent (année, région, département, fonds, axes, montants, texte).",
  })
  async parentalityGrants(
    @Args(() => PageArgs) { filter, first, after }: InstanceType<typeof PageArgs>,
    @Ctx() ctx: CafContext,
  ): Promise<Connection> {
    const page = await grantPage(ctx.dataSource, filter, first, after);
    for (const { row } of page.edges) ctx.loaders.grantById.prime(row.id, row);
    return toConnection(page, toGrant);
  }
}
