/**
 * GraphiQL is the analysts' documentation: every type, field, argument, input field and enum
 * value of the public API (the composed `publicSdl`, built from the code as `npm run compose`
 * would) carries a French description. A missing one fails with its schema coordinate.
 */
import {
  buildSchema,
  GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from "graphql";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { buildSchemaArtifacts } from "../../scripts/compose-lib";

/** Words that only an English sentence contains (a French description never uses them). */
const ENGLISH = /\b(the|and|with|which|returns?|should|must|this|that|of the)\b/i;

interface Described {
  coordinate: string;
  description: string | null | undefined;
}

/** Every documented element of a named type, as schema coordinates ("Type.field(arg:)"). */
export function describedElements(type: GraphQLNamedType): Described[] {
  const out: Described[] = [{ coordinate: type.name, description: type.description }];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
      for (const arg of field.args) out.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description });
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) out.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
  }
  return out;
}

const publicTypes = (sdl: string) =>
  Object.values(buildSchema(sdl, { assumeValidSDL: true }).getTypeMap()).filter(
    (t) => !t.name.startsWith("__") && !(isScalarType(t) && isSpecifiedScalarType(t)),
  );

let elements: Described[] = [];
beforeAll(async () => {
  const artifacts = await buildSchemaArtifacts(readRegistry());
  if (!artifacts.composed.ok) throw new Error(`La composition échoue : ${artifacts.composed.errors.join("; ")}`);
  elements = publicTypes(artifacts.composed.publicSdl).flatMap(describedElements);
});

test("the public API has types, fields, arguments and enum values to document", () => {
  expect(elements.length).toBeGreaterThan(300);
  expect(elements.map((e) => e.coordinate)).toEqual(
    expect.arrayContaining(["Region", "Region.crossFinancing(year:)", "FundingSource.FIR", "Query.healthProjects(filter:)"]),
  );
});

test("every type, field, argument and enum value has a description", () => {
  const missing = elements.filter((e) => !e.description?.trim()).map((e) => e.coordinate);
  expect(missing).toEqual([]);
});

test("descriptions are written in French", () => {
  const english = elements.filter((e) => e.description && ENGLISH.test(e.description)).map((e) => `${e.coordinate}: ${e.description}`);
  expect(english).toEqual([]);
});

test("the check catches an undocumented field and an English description", () => {
  const [type] = publicTypes(
    `"""Région."""\ntype Region { """Code."""\ncode: ID!\nname(short: Boolean): String\n"""The region's area."""\narea: Float }`,
  );
  const found = describedElements(type);
  expect(found.filter((e) => !e.description).map((e) => e.coordinate)).toEqual(["Region.name", "Region.name(short:)"]);
  expect(found.filter((e) => e.description && ENGLISH.test(e.description)).map((e) => e.coordinate)).toEqual(["Region.area"]);
});
