import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import { buildSchema, BuildSchemaOptions, createResolversMap } from "type-graphql";

/** The one place that pins the Federation version every subgraph speaks. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

/**
 * type-graphql classes → Federation 2 subgraph schema: build without the federation check, print
 * with directives, prepend the @link, rebuild with @apollo/subgraph (adds _entities and _service),
 * then attach the type-graphql resolvers and the entities' __resolveReference.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: GraphQLResolverMap<unknown> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  // type-graphql cannot describe the root types; analysts read these in GraphiQL.
  const query = schema.getQueryType();
  if (query) query.description ??= "Lectures : données publiques des financements des 1000 premiers jours.";
  const mutation = schema.getMutationType();
  if (mutation) mutation.description ??= "Écritures des partenaires, chacun pour ses propres données et son territoire (jeton requis).";
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = Object.assign({}, resolvers[typeName], fields);
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
