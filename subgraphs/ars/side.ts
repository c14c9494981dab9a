import { FundingSource } from "../domain/enums";
import { CallSide } from "../regional-call/side";

/** The ARS's side of the regional calls: the health side, on the FIR. */
export const HEALTH_SIDE: CallSide = {
  subgraph: "ars",
  typePrefix: "Health",
  fieldPrefix: "health",
  body: "ARS",
  source: FundingSource.FIR,
  volet: "santé (ARS, FIR)",
};
