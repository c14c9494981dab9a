import { GraphQLError } from "graphql";
import { Directive } from "type-graphql";
import { Contribution, FinancedEntity } from "../domain/federation/contributions";
import { CONTRIBUTION_FIELD_SUFFIX } from "../domain/federation/funding.types";
import { FundingLineData } from "../domain/financing/cross-financing";
import { AmountError } from "../domain/money";
import { Axis } from "../domain/enums";

/** A funder's detail line as it arrives in a representation: a line, with its SIRET and axes. */
export interface FundingDetailData extends FundingLineData {
  siret: string | null;
  axes: Axis[];
}

/** A contribution as it arrives in a representation (plain JSON): only the parts @requires asked. */
export interface FundingContributionData {
  lines?: FundingLineData[];
  details?: FundingDetailData[];
  recordedName?: string | null;
}

/**
 * How the hub's figures read the funders' contribution fields: which to @require, which the
 * gateway passed in, which are missing. Shared by `crossFinancing` (lines) and the explorer (details).
 */
export function contributionFields(contributions: readonly Contribution[]) {
  const of = (entity: FinancedEntity) => contributions.filter((c) => c.entity === entity);
  return {
    of,
    /** `@requires` of each contribution's `selection` (none for a contribution whose selection is null). */
    requires: (entity: FinancedEntity, selection: (c: Contribution) => string | null): MethodDecorator[] => {
      const fields = of(entity).flatMap((c) => {
        const s = selection(c);
        return s === null ? [] : [`${c.field} { ${s} }`];
      });
      return fields.length ? [Directive(`@requires(fields: "${fields.join(" ")}")`)] : [];
    },
    /**
     * The contributions the gateway passed in (the fields @requires asked for). Read from the
     * representation itself, not from the list known at start: when a new funder is registered and
     * the gateway reloads the new supergraph, its lines count at once, before this hub restarts.
     */
    contributionsIn: (root: object): FundingContributionData[] => {
      return Object.entries(root)
        .filter(([key, value]) => key.endsWith(CONTRIBUTION_FIELD_SUFFIX) && value && typeof value === "object")
        .map(([, value]) => value as FundingContributionData);
    },
    /**
     * The registered funders whose contribution the representation lacks. When a funder's subgraph
     * is down, times out or fails, the gateway still calls the hub, with that field absent or null
     * (test/e2e/figures-complete.e2e.test.ts): the sum of the others must then not read as the total.
     * `usable` false: the funder cannot give what the figure needs (no `details` in its schema).
     */
    missingIn: (root: object, entity: FinancedEntity, usable: (c: Contribution) => boolean = () => true): string[] => {
      const absent = (c: Contribution) => {
        const v = (root as Record<string, unknown>)[c.field];
        return !v || typeof v !== "object" || !usable(c);
      };
      return [
        ...new Set(
          of(entity)
            .filter(absent)
            .map((c) => c.subgraph),
        ),
      ].sort();
    },
  };
}
export type ContributionFields = ReturnType<typeof contributionFields>;

/** Applies method decorators to an already declared method (directives computed at schema build). */
export function applyAll(decorators: MethodDecorator[], target: object, key: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) throw new Error(`Décorateurs appliqués à « ${key} », qui n'est pas une méthode déclarée.`);
  for (const decorate of decorators) decorate(target, key, descriptor);
}

/** Runs a figure's computation: a sum that a Float cannot carry exactly is refused, never rounded. */
export function exactFigure<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof AmountError)
      throw new GraphQLError(`Financements croisés impossibles à calculer exactement : ${error.message}`, {
        extensions: { code: "AMOUNT_OUT_OF_RANGE" },
      });
    throw error;
  }
}
