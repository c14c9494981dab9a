import { FundingSource } from "../domain/enums";
import { CallSide } from "../regional-call/side";

/** The DREETS's side of the regional calls: the social side, on programme 304 action 17. */
export const SOCIAL_SIDE: CallSide = {
  subgraph: "dreets",
  typePrefix: "Social",
  fieldPrefix: "social",
  body: "DREETS",
  source: FundingSource.P304_17,
  volet: "social (DREETS, programme 304 action 17)",
};
