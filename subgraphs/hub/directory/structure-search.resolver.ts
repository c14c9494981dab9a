import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { PageInfo } from "../../platform/graphql/pagination";
import { TEXT_LIMITS } from "../../domain/rules/limits";
import type { HubContext } from "../context";
import { searchStructures, STRUCTURE_SEARCH_MAX_PAGE } from "./structure-search";

/**
 * Query.structures, for the hub's Structure class (created with the hub's schema, hence a factory):
 * its nodes are that entity, their names primed from the row the search read.
 */
export function structureSearchResolver<S extends { siret: string }>(Structure: new () => S) {
  @ObjectType({ description: "Une structure dans une page de résultats de recherche." })
  class StructureEdge {
    @Field({ description: "Curseur de cette structure." }) cursor: string;
    @Field(() => Structure, { description: "La structure." }) node: S;
  }

  @ObjectType({ description: "Une page de structures trouvées dans l'annuaire du hub." })
  class StructureConnection {
    @Field(() => Int, { description: "Nombre total de structures trouvées." }) totalCount: number;
    @Field(() => PageInfo, { description: "Pagination." }) pageInfo: PageInfo;
    @Field(() => [StructureEdge], { description: "Les structures de la page." }) edges: StructureEdge[];
  }

  @Resolver()
  class StructureSearchQuery {
    @Query(() => StructureConnection, {
      description: `Recherche de structures dans l'annuaire du hub (le nom de référence de chaque SIRET). Des chiffres seuls (espaces permis) cherchent un début de SIRET, de 3 à 14 chiffres ; sinon le texte est cherché n'importe où dans le nom (sous-chaîne, pas seulement en début de mot), sans tenir compte des majuscules ni des accents, de 2 à ${TEXT_LIMITS.search.max} caractères. Résultats triés par nom (sans accents ni majuscules) puis par SIRET.`,
    })
    async structures(
      @Arg("search", { description: "Un début de SIRET (3 à 14 chiffres) ou un morceau du nom." }) search: string,
      @Ctx() ctx: HubContext,
      @Arg("first", () => Int, { defaultValue: 20, description: `Taille de la page (au plus ${STRUCTURE_SEARCH_MAX_PAGE}).` })
      first: number,
      @Arg("after", () => String, { nullable: true, description: "Curseur après lequel commencer (endCursor de la page précédente)." })
      after?: string | null,
    ): Promise<StructureConnection> {
      const { totalCount, edges, pageInfo } = await searchStructures(ctx.dataSource, search, first, after);
      for (const { structure } of edges) ctx.loaders.structureName.prime(structure.siret, structure.name);
      return {
        totalCount,
        pageInfo,
        edges: edges.map(({ cursor, structure }) => ({ cursor, node: Object.assign(new Structure(), { siret: structure.siret }) })),
      };
    }
  }
  return StructureSearchQuery;
}
