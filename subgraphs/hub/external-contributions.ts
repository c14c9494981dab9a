import { Directive, Field } from "type-graphql";
import { FinancedEntity } from "../domain/federation/contributions";
import { FundingContribution } from "../domain/federation/funding.types";
import { ContributionFields } from "./contribution-fields";

/**
 * Declares the funders' contribution fields as @external on a hub entity class. Generated at schema
 * build from the registered funders' schemas: a new funder is counted once registered and composed.
 */
export function declareExternalContributions(fields: ContributionFields, target: { prototype: object }, entity: FinancedEntity): void {
  for (const c of fields.of(entity)) {
    Field(() => FundingContribution, { nullable: !c.nonNull, description: `Contribution du sous-graphe ${c.subgraph}.` })(
      target.prototype,
      c.field,
    );
    Directive("@external")(target.prototype, c.field);
  }
}
