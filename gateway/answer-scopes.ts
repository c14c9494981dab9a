import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getOperationAST,
  GraphQLFieldMap,
  GraphQLObjectType,
  GraphQLSchema,
  isAbstractType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from "graphql";
import { collectFields } from "graphql/execution/collectFields";
import { ANY, callScope, departmentScope, MAISONS, projectScope, regionScope, structureScope } from "./cache-scopes";

/**
 * The scopes an answer depends on beyond its root fields, read in the answer itself: a grant of
 * CafDepartment(44) shows its structure's laureate projects, which may lie in any region, so that
 * answer depends on each of those structures. An object of these types depends on its own scope as
 * soon as the query selects one of its fields that writes change (anything beyond its key and
 * reference fields): `structure { siret name }` inside a region's dashboard does not (a directory
 * name is never renamed by a write), `structure { healthProjects }` does. Such an object without
 * its key in the answer depends on every write. Pure, no I/O.
 */
interface EntityRule {
  /** The key field, null for a type whose scope needs none. */
  key: string | null;
  /** Fields no write changes. */
  fixed: ReadonlySet<string>;
  scope(key: string): string;
}

const CALL_FIXED = ["id", "title", "year", "axes", "joint", "envelope", "fund", "deadline", "resultsDue", "region", "minimumAward"];
const ENTITIES: Record<string, EntityRule> = {
  Region: { key: "code", fixed: new Set(["code", "name", "overseas", "regionalCall"]), scope: regionScope },
  Department: { key: "code", fixed: new Set(["code", "name", "region"]), scope: departmentScope },
  Structure: { key: "siret", fixed: new Set(["siret", "name"]), scope: structureScope },
  Project: { key: "ref", fixed: new Set(["ref"]), scope: projectScope },
  HealthCall: { key: "id", fixed: new Set(CALL_FIXED), scope: (id) => callScope("health", id) },
  SocialCall: { key: "id", fixed: new Set(CALL_FIXED), scope: (id) => callScope("social", id) },
  MaisonTerritory: { key: null, fixed: new Set(["region"]), scope: () => MAISONS },
};

type Json = Record<string, unknown>;

/** Root fields whose object readScopes already scopes from their argument (cache-scopes.ts): its key need not be selected. */
const SCOPED_BY_ARGUMENT = new Set(["region", "department", "structure", "project", "healthCall", "socialCall"]);

export function answerScopes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Json,
  data: Json | null | undefined,
): string[] {
  const operation = getOperationAST(document, operationName ?? undefined);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root || !data) return [];
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const scopes = new Set<string>();
  // the items of a list share their selection: its fields are collected once
  const collected = new Map<string, Map<GraphQLObjectType, Map<string, readonly FieldNode[]>>>();
  const fieldsOf = (type: GraphQLObjectType, sets: readonly SelectionSetNode[], path: string) => {
    let byType = collected.get(path);
    if (!byType) collected.set(path, (byType = new Map<GraphQLObjectType, Map<string, readonly FieldNode[]>>()));
    let fields = byType.get(type);
    if (!fields) {
      fields = new Map<string, FieldNode[]>();
      for (const set of sets) {
        for (const [key, nodes] of collectFields(schema, fragments, variables, type, set))
          fields.set(key, [...(fields.get(key) ?? []), ...nodes]);
      }
      byType.set(type, fields);
    }
    return fields;
  };

  const visit = (type: GraphQLObjectType, sets: readonly SelectionSetNode[], value: unknown, path: string, scoped = false): void => {
    if (value == null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(type, sets, item, path);
      return;
    }
    const object = value as Json;
    const rule = scoped ? undefined : ENTITIES[type.name];
    let changing = false;
    for (const [key, nodes] of fieldsOf(type, sets, path)) {
      const name = nodes[0].name.value;
      if (name === "__typename") continue;
      if (rule && !rule.fixed.has(name)) changing = true;
      // introspection fields (__schema, __type) are not among the type's own
      const own: Partial<GraphQLFieldMap<unknown, unknown>> = type.getFields();
      const field = own[name];
      if (!field) continue;
      const named = getNamedType(field.type);
      const childSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      if (isObjectType(named)) visit(named, childSets, object[key], `${path}.${key}`, path === "" && SCOPED_BY_ARGUMENT.has(name));
      // no interface nor union in the graph today: one appearing is not read finely
      else if (isAbstractType(named) && object[key] != null) scopes.add(ANY);
    }
    if (!rule || !changing) return;
    const key = rule.key === null ? "" : object[rule.key];
    if (typeof key === "string" || typeof key === "number") scopes.add(rule.scope(String(key)));
    else scopes.add(ANY);
  };
  visit(root, [operation.selectionSet], data, "");
  return [...scopes];
}
