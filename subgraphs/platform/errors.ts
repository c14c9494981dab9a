import { GraphQLError } from "graphql";

/** A refusal the user can fix: French message naming the rule, English code. */
export const badInput = (message: string, field?: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) } });
