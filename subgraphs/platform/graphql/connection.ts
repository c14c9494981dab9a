import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { MAX_PAGE_SIZE, PageInfo } from "./pagination";
import { RowPage } from "./keyset-page";

/** How a connection's descriptions name its nodes, in French, articles included (a noun's gender decides them). */
export interface ConnectionWords {
  a: string;
  the: string;
  many: string;
}

/**
 * The Relay types of a national list (`<Name>Edge`, `<Name>Connection`) and its arguments (filter,
 * first, after), for a node type and a filter input: one shape for every paginated list.
 */
export function connectionTypes<Node extends object, Filter extends object>(
  name: string,
  node: new () => Node,
  filter: new () => Filter,
  words: ConnectionWords,
) {
  @ObjectType(`${name}Edge`, { description: `${words.a} dans une page de résultats.` })
  class Edge {
    @Field({ description: "Curseur de cet élément." }) cursor: string;
    @Field(() => node, { description: `${words.the}.` }) node: Node;
  }

  @ObjectType(`${name}Connection`, { description: `Une page de ${words.many}.` })
  class Connection {
    @Field(() => Int, { description: `Nombre total de ${words.many} correspondant au filtre.` }) totalCount: number;
    @Field(() => PageInfo, { description: "Pagination." }) pageInfo: PageInfo;
    @Field(() => [Edge], { description: `Les ${words.many} de la page.` }) edges: Edge[];
  }

  @ArgsType()
  class PageArgs {
    @Field(() => filter, { nullable: true, description: "Filtre." }) filter?: Filter;
    @Field(() => Int, { defaultValue: 50, description: `Taille de la page (au plus ${MAX_PAGE_SIZE}).` }) first: number;
    @Field(() => String, { nullable: true, description: "Curseur après lequel commencer (endCursor de la page précédente)." })
    after?: string;
  }

  /** A page of rows as the connection of their nodes. */
  const toConnection = <Row>(page: RowPage<Row>, toNode: (row: Row) => Node): Connection => ({
    totalCount: page.totalCount,
    pageInfo: page.pageInfo,
    edges: page.edges.map(({ cursor, row }) => ({ cursor, node: toNode(row) })),
  });

  return { Edge, Connection, PageArgs, toConnection };
}
