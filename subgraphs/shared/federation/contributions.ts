import { Kind, parse, TypeNode } from "graphql";
import { FundingContribution } from "./funding.types";

/** The shared entities a funder subgraph may contribute funding lines to. */
export const FINANCED_ENTITIES = ["Region", "Department", "Structure", "Project"] as const;
export type FinancedEntity = (typeof FINANCED_ENTITIES)[number];

export interface Contribution {
  subgraph: string;
  entity: FinancedEntity;
  field: string;
  nonNull: boolean;
}

const CONTRIBUTION_TYPE = FundingContribution.name;

/**
 * Finds, in registered subgraph schemas, every field of a financed entity typed FundingContribution:
 * that is how a funder's lines get counted in cross-financing, whoever runs the subgraph.
 */
export function discoverContributions(subgraphs: readonly { name: string; sdl: string }[]): Contribution[] {
  const found: Contribution[] = [];
  for (const { name, sdl } of subgraphs) {
    for (const definition of parse(sdl).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const entity = definition.name.value as FinancedEntity;
      if (!FINANCED_ENTITIES.includes(entity)) continue;
      for (const field of definition.fields ?? []) {
        const { named, nonNull } = unwrap(field.type);
        if (named === CONTRIBUTION_TYPE) found.push({ subgraph: name, entity, field: field.name.value, nonNull });
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
