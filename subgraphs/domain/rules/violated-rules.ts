import { GraphQLError } from "graphql";
import { Violation, Violations } from "./violations";

/**
 * The rules a check broke, as the refusal would list them (`rule`, or `field:rule`): for the unit
 * tests of every write rule, which assert what a bad input breaks without a database.
 */
export function violatedRules(fill: (v: Violations) => unknown, format: (x: Violation) => string = (x) => x.rule): string[] {
  const v = new Violations();
  fill(v);
  try {
    v.throwIfAny();
    return [];
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== "BAD_USER_INPUT") throw error;
    return (error.extensions.violations as Violation[]).map(format);
  }
}

export const withField = (x: Violation) => `${x.field}:${x.rule}`;
