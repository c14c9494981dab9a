/**
 * The national list of departmental credits (Query.departmentalCredits), under the explorer's
 * filters, the same shape as the CAF's parentalityGrants.
 */
import { Args, Ctx, Field, ID, InputType, Int, Query, Resolver } from "type-graphql";
import { DataSource } from "typeorm";
import { Violations } from "../domain/rules/violations";
import { connectionTypes } from "../platform/graphql/connection";
import { idKeysetPage, RowPage } from "../platform/graphql/keyset-page";
import { addExplorerFilterFields } from "../domain/explorer/filter.input";
import { checkExplorerFilter, checkNonEmpty, ExplorerFilterValues, graphqlFilterField } from "../domain/explorer/filter.rules";
import { applyDepartmentalTerritory, applyExplorerFilter } from "../domain/explorer/filter.sql";
import { DepartmentalCreditRow, DepartmentalProgramme } from "./departmental-credit.entity";
import { DepartementsContext, DepartmentalCredit, toCredit } from "./schema";

@InputType({ description: "Filtre des crédits départementaux : les critères donnés se cumulent (ET)." })
export class DepartmentalCreditFilter {
  @Field(() => Int, { nullable: true, description: "Année du crédit." }) year?: number | null;
  @Field(() => ID, { nullable: true, description: "Code INSEE d'une région : les crédits de ses départements (COG)." }) region?:
    string | null;
  @Field(() => ID, { nullable: true, description: "Code INSEE du département." }) department?: string | null;
  @Field(() => [DepartmentalProgramme], { nullable: true, description: "Cadres : les crédits dans l'un d'eux (liste non vide)." })
  programmes?: DepartmentalProgramme[] | null;
}
addExplorerFilterFields(DepartmentalCreditFilter);

const { Connection, PageArgs, toConnection } = connectionTypes("DepartmentalCredit", DepartmentalCredit, DepartmentalCreditFilter, {
  a: "Un crédit départemental",
  the: "Le crédit",
  many: "crédits départementaux",
});
type Connection = InstanceType<typeof Connection>;

export interface CreditFilterValues extends ExplorerFilterValues {
  year?: number | null;
  programmes?: readonly DepartmentalProgramme[] | null;
}

/** One page of departmental credits under a filter, in id order: one statement for the page, one for the count. */
export async function creditPage(
  ds: DataSource,
  filter: CreditFilterValues | null | undefined,
  first: number,
  after?: string | null,
): Promise<RowPage<DepartmentalCreditRow>> {
  const v = new Violations();
  const checked = checkExplorerFilter(filter, v);
  const programmes = checkNonEmpty(v, graphqlFilterField("programmes"), filter?.programmes, "Cadres");
  v.throwIfAny();
  const filtered = () => {
    const qb = ds.getRepository(DepartmentalCreditRow).createQueryBuilder("c");
    applyDepartmentalTerritory(qb, "c", filter);
    if (programmes) qb.andWhere("c.programme IN (:...programmes)", { programmes });
    // the structure name the department recorded: its own structure row for the SIRET
    return applyExplorerFilter(qb, checked, {
      amountCents: "c.amount_cents",
      axes: "c.axes",
      texts: ["c.title", "(SELECT s.name FROM structure s WHERE s.siret = c.siret)"],
    });
  };
  return idKeysetPage(filtered, "c", first, after);
}

@Resolver()
export class DepartmentalCreditListQuery {
  @Query(() => Connection, {
    description:
      "Les crédits de tous les conseils départementaux, paginés, sous un filtre dont les critères se cumulent (année, région, département, cadres, axes, montants, texte).",
  })
  async departmentalCredits(
    @Args(() => PageArgs) { filter, first, after }: InstanceType<typeof PageArgs>,
    @Ctx() ctx: DepartementsContext,
  ): Promise<Connection> {
    const page = await creditPage(ctx.dataSource, filter, first, after);
    for (const { row } of page.edges) ctx.loaders.creditById.prime(row.id, row);
    return toConnection(page, toCredit);
  }
}
