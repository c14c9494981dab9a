import { Contribution, FinancedEntity } from "../domain/federation/contributions";
import { REQUIRED_LINE_FIELDS } from "../domain/federation/funding.types";
import { FundingLineData } from "../domain/financing/cross-financing";
import { applyAll, ContributionFields, exactFigure } from "./contribution-fields";
import { CrossFinancing, toCrossFinancing } from "./cross-financing.type";

/**
 * `crossFinancing` of a hub entity: the lines the gateway passed in through @requires, summed
 * exactly, and the registered funders whose contribution is missing.
 */
export function crossFinancingFigure(fields: ContributionFields) {
  const linesOf = (root: object): FundingLineData[] => fields.contributionsIn(root).flatMap((c) => c.lines ?? []);
  const LINES = (c: Contribution) => `lines { ${[...REQUIRED_LINE_FIELDS, ...c.optionalLineFields].join(" ")} }`;
  return {
    figure: (root: object, entity: FinancedEntity, year?: number | null): CrossFinancing =>
      exactFigure(() => toCrossFinancing(linesOf(root), fields.missingIn(root, entity), year)),
    /** Adds to a declared `crossFinancing` resolver the @requires of every funder's lines on the entity. */
    requireLines: (entity: FinancedEntity, prototype: object) => applyAll(fields.requires(entity, LINES), prototype, "crossFinancing"),
  };
}
