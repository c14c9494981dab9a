import { Kind, parse, TypeNode } from "graphql";
import { FundingContribution, FundingLine, OPTIONAL_LINE_FIELDS } from "./funding.types";

/** The shared entities a funder subgraph may contribute funding lines to. */
export const FINANCED_ENTITIES = ["Region", "Department", "Structure", "Project"] as const;
export type FinancedEntity = (typeof FINANCED_ENTITIES)[number];

export interface Contribution {
  subgraph: string;
  entity: FinancedEntity;
  field: string;
  nonNull: boolean;
  /** The optional line fields (dossier, forecast) this subgraph's FundingLine declares: older or third-party funders may lack them. */
  optionalLineFields: string[];
  /** True when this subgraph's FundingContribution declares `details` (the explorer's lines): older or third-party funders may not. */
  details: boolean;
}

const CONTRIBUTION_TYPE = FundingContribution.name;
const LINE_TYPE = FundingLine.name;
const DETAILS_FIELD: keyof FundingContribution = "details";

/**
 * Finds, in registered subgraph schemas, every field of a financed entity typed FundingContribution:
 * that is how a funder's lines get counted in cross-financing, whoever runs the subgraph.
 */
export function discoverContributions(subgraphs: readonly { name: string; sdl: string }[]): Contribution[] {
  const found: Contribution[] = [];
  for (const { name, sdl } of subgraphs) {
    const definitions = parse(sdl).definitions;
    const fieldsOf = (type: string) =>
      new Set(
        definitions.flatMap((d) =>
          d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type ? (d.fields ?? []).map((f) => f.name.value) : [],
        ),
      );
    const lineFields = fieldsOf(LINE_TYPE);
    const optionalLineFields = OPTIONAL_LINE_FIELDS.filter((f) => lineFields.has(f));
    const details = fieldsOf(CONTRIBUTION_TYPE).has(DETAILS_FIELD);
    for (const definition of definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const entity = definition.name.value as FinancedEntity;
      if (!FINANCED_ENTITIES.includes(entity)) continue;
      for (const field of definition.fields ?? []) {
        const { named, nonNull } = unwrap(field.type);
        if (named === CONTRIBUTION_TYPE)
          found.push({ subgraph: name, entity, field: field.name.value, nonNull, optionalLineFields, details });
      }
    }
  }
  return found;
}

function unwrap(type: TypeNode): { named: string | null; nonNull: boolean } {
  if (type.kind === Kind.NON_NULL_TYPE) return { ...unwrap(type.type), nonNull: true };
  if (type.kind === Kind.LIST_TYPE) return { named: null, nonNull: false };
  return { named: type.name.value, nonNull: false };
}
