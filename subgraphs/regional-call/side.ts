import { FundingSource } from "../domain/enums";

/**
 * The two halves of a regional call share one shape (domain.md): the health side run by the ARS
 * on the FIR, the social side run by the DREETS on programme 304 action 17. A side names them.
 */
export interface CallSide {
  subgraph: "ars" | "dreets";
  /** GraphQL type prefix: HealthCall, SocialProject… */
  typePrefix: "Health" | "Social";
  /** GraphQL field prefix: healthCalls, socialProjects… */
  fieldPrefix: "health" | "social";
  body: "ARS" | "DREETS";
  source: FundingSource;
  /** French name of the side, for descriptions and messages. */
  volet: string;
}

/** The organisation kind that runs the side: its organisations are "ars:<région>", "dreets:<région>". */
export const regionalBodyOf = (side: CallSide): "ars" | "dreets" => (side.body === "ARS" ? "ars" : "dreets");
