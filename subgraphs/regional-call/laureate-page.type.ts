import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Axis, GrantStatus } from "../domain/enums";
import { PageInfo, MAX_PAGE_SIZE } from "../platform/graphql/pagination";
import { addExplorerFilterFields } from "../domain/explorer/filter.input";
import { CallSide } from "./side";

/** The national list of a side's laureates: its Relay connection, its filter and its arguments. */
export function createLaureatePageTypes<Laureate>(side: CallSide, LaureateType: new () => Laureate) {
  const P = side.typePrefix;

  @ObjectType(`${P}ProjectEdge`, { description: "Un projet lauréat dans une page de résultats." })
  class Edge {
    @Field({ description: "Curseur de ce projet." }) cursor: string;
    @Field(() => LaureateType, { description: "Le projet lauréat." }) node: Laureate;
  }

  @ObjectType(`${P}ProjectConnection`, { description: "Une page de projets lauréats." })
  class Connection {
    @Field(() => Int, { description: "Nombre total de projets correspondant au filtre." }) totalCount: number;
    @Field(() => PageInfo, { description: "Pagination." }) pageInfo: PageInfo;
    @Field(() => [Edge], { description: "Les projets de la page." }) edges: Edge[];
  }

  @InputType(`${P}ProjectFilter`, { description: "Filtre des projets lauréats : les critères donnés se cumulent (ET)." })
  class Filter {
    @Field(() => Int, { nullable: true, description: "Année du financement." }) year?: number;
    @Field(() => ID, { nullable: true, description: "Code INSEE de la région de l'appel." }) region?: string;
    @Field(() => ID, { nullable: true, description: "Code INSEE d'un département où le projet se déroule." }) department?: string;
    @Field(() => Axis, { nullable: true, description: "Axe thématique." }) axis?: Axis;
    @Field(() => GrantStatus, { nullable: true, description: "État du projet." }) status?: GrantStatus;
    @Field(() => [GrantStatus], { nullable: true, description: "États : les projets dans l'un d'eux (liste non vide)." })
    statuses?: GrantStatus[];
  }
  addExplorerFilterFields(Filter);

  @ArgsType()
  class PageArgs {
    @Field(() => Filter, { nullable: true, description: "Filtre." }) filter?: Filter;
    @Field(() => Int, { defaultValue: 50, description: `Taille de la page (au plus ${MAX_PAGE_SIZE}).` }) first: number;
    @Field(() => String, { nullable: true, description: "Curseur après lequel commencer (endCursor de la page précédente)." })
    after?: string;
  }

  return { Connection, PageArgs };
}
