import { CONTRACT_READS } from "./graphiql";

/**
 * The operation names the gateway may put in a metric label: those of the public contract
 * (../shared/contract/operations.graphql; a test checks this list against it). Any other name
 * is the client's to choose, so it would grow the series without bound: it is counted as "autre".
 */
export const CONTRACT_WRITES = [
  "OpenHealthCall",
  "AwardHealthProject",
  "RecordHealthEvaluation",
  "RenewHealthProject",
  "OpenSocialCall",
  "AwardSocialProject",
  "RecordSocialEvaluation",
  "RenewSocialProject",
  "RecordParentalityGrant",
  "SubmitMaisonProject",
  "AssessMaisonProject",
  "DecideMaisonProject",
] as const;

export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set([...Object.keys(CONTRACT_READS), ...CONTRACT_WRITES]);

/** The label of an operation: its name when the contract knows it, "anonyme" without a name, else "autre". */
export const operationLabel = (name: string | undefined) => (!name ? "anonyme" : KNOWN_OPERATIONS.has(name) ? name : "autre");
