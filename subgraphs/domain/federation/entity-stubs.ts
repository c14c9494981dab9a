import { Directive, Field, FieldResolver, ID, ObjectType } from "type-graphql";
import { contributionField, FundingContribution } from "./funding.types";

/**
 * The shared entities as a funder subgraph sees them: their key only (the hub resolves their other
 * fields). Fresh classes per call: type-graphql hangs field resolvers on classes, and each
 * subgraph adds its own.
 */
export function createEntityStubs() {
  @Directive('@key(fields: "code")')
  @ObjectType("Region", { description: "Région (code INSEE du COG)." })
  class Region {
    @Field(() => ID, { description: "Code INSEE de la région (ex. « 52 »)." }) code: string;
  }

  @Directive('@key(fields: "code")')
  @ObjectType("Department", { description: "Département (code INSEE du COG)." })
  class Department {
    @Field(() => ID, { description: "Code INSEE du département (ex. « 44 », « 2A », « 974 »)." }) code: string;
  }

  @Directive('@key(fields: "siret")')
  @ObjectType("Structure", { description: "Structure porteuse de projets, identifiée par son SIRET." })
  class Structure {
    @Field(() => ID, { description: "SIRET de la structure (14 chiffres)." }) siret: string;
  }

  @Directive('@key(fields: "ref")')
  @ObjectType("Project", { description: "Dossier cofinancé, identifié par une référence partagée entre financeurs." })
  class Project {
    @Field(() => ID, { description: "Référence partagée du dossier." }) ref: string;
  }

  return { Region, Department, Structure, Project, all: [Region, Department, Structure, Project] };
}

/** Declares a field resolver as this subgraph's `<subgraph>Contribution`, hidden from the API. */
export const contributionResolver =
  (subgraph: string): MethodDecorator =>
  (target, key, descriptor) => {
    Directive("@inaccessible")(target, key, descriptor);
    FieldResolver(() => FundingContribution, {
      name: contributionField(subgraph),
      description: "Contribution interne aux financements croisés.",
    })(target, key, descriptor);
  };
