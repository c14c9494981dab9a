import { reconcile } from "../../domain/financing/cross-financing";
import { FundingDetailData } from "../contribution-fields";

/** French collation, as crossFinancing orders its funders. */
export const byFrenchName = (a: string, b: string) => a.localeCompare(b, "fr");

/**
 * The detail lines that count in a figure of one year (every year when `year` is null): after the
 * same reconciliation as crossFinancing (a Maison's forecast replaced by the actual a funder
 * records for the same dossier, source and year), without the lines of 0 €. So the explorer's
 * totals are crossFinancing's, to the cent.
 */
export function countedDetails<Detail extends FundingDetailData>(details: readonly Detail[], year?: number | null): Detail[] {
  const inYear = year == null ? details : details.filter((d) => d.year === year);
  return reconcile(inYear).counted.filter((d) => d.cents !== 0);
}

/** The funders of some lines, once each, in French alphabetical order. */
export const fundersOf = (details: readonly FundingDetailData[]): string[] => [...new Set(details.map((d) => d.funder))].sort(byFrenchName);
