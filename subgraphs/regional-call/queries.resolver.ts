import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { loadByRowId } from "../platform/graphql/load-by-row-id";
import { RegionalCallContext } from "./context";
import { laureatePage } from "./laureate.repository";
import { CallObject, LaureateObject, RegionalCallTypes } from "./types";

/** The side's queries: a call, a laureate, the national list of laureates. */
export function createQueriesResolver({ side, Call, toCall, Laureate, toLaureate, Connection, PageArgs }: RegionalCallTypes) {
  const f = side.fieldPrefix;

  @Resolver()
  class QueryResolver {
    @Query(() => Call, { name: `${f}Call`, nullable: true, description: `Un appel à projets, volet ${side.volet}.` })
    async call(
      @Arg("id", () => ID, { description: "Identifiant de l'appel." }) id: string,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<CallObject | null> {
      const row = await loadByRowId(ctx.loaders.callById, id);
      return row ? toCall(row) : null;
    }

    @Query(() => Laureate, { name: `${f}Project`, nullable: true, description: `Un projet lauréat, volet ${side.volet}.` })
    async project(
      @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<LaureateObject | null> {
      const row = await loadByRowId(ctx.loaders.projectById, id);
      return row ? toLaureate(row) : null;
    }

    @Query(() => Connection, {
      name: `${f}Projects`,
      description: `Projets lauréats, volet ${side.volet}, paginés (la liste nationale des lauréats d'une année), sous un filtre dont les critères se cumulent.`,
    })
    async projects(
      @Args(() => PageArgs) { filter, first, after }: InstanceType<typeof PageArgs>,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<InstanceType<typeof Connection>> {
      const { totalCount, edges, pageInfo } = await laureatePage(ctx.dataSource, filter, first, after);
      for (const { row } of edges) ctx.loaders.projectById.prime(row.id, row);
      return { totalCount, pageInfo, edges: edges.map(({ cursor, row }) => ({ cursor, node: toLaureate(row) })) };
    }
  }
  return QueryResolver;
}
