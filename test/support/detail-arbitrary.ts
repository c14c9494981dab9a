import fc from "fast-check";
import { AXES_IN_ORDER, FundingSource } from "../../subgraphs/domain/enums";
import { FundingDetailData } from "../../subgraphs/hub/contribution-fields";

export const FUNDERS = [
  "ARS Bretagne",
  "CAF 35 Ille-et-Vilaine",
  "Conseil départemental 35 Ille-et-Vilaine",
  "DREETS Bretagne",
  "Autres financeurs",
] as const;

/** Random detail lines of one territory: few SIRETs and dossiers, so that funders share some. */
export const detailArb: fc.Arbitrary<FundingDetailData> = fc.record({
  year: fc.constantFrom(2023, 2024),
  source: fc.constantFrom(FundingSource.FIR, FundingSource.CAF_FNP, FundingSource.DEPARTMENT, FundingSource.P304_17),
  funder: fc.constantFrom(...FUNDERS),
  cents: fc.integer({ min: 0, max: 100_000_000_000 }),
  dossier: fc.option(fc.constantFrom("D-1", "D-2", "D-3"), { nil: null }),
  forecast: fc.boolean(),
  siret: fc.option(fc.constantFrom("S-1", "S-2", "S-3", "S-4"), { nil: null }),
  axes: fc.uniqueArray(fc.constantFrom(...AXES_IN_ORDER), { maxLength: 3 }),
});
export const detailsArb = fc.array(detailArb, { maxLength: 40 });
