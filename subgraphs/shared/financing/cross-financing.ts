import { FundingSource, FUNDING_SOURCES_IN_ORDER } from "../enums";
import { Cents, sumCents } from "../money";

/** One funder's money for one entity, one year and one source (what each funder subgraph reports). */
export interface FundingLineData {
  year: number;
  source: FundingSource;
  funder: string;
  cents: Cents;
}

export interface CrossFinancingData {
  totalCents: Cents;
  bySource: { source: FundingSource; cents: Cents }[];
  byYear: { year: number; totalCents: Cents }[];
  funders: string[];
  byFunder: { funder: string; cents: Cents }[];
}

/**
 * Sums every funder's lines. Sources come out in the order of the FundingSource enum, years
 * ascending, funders alphabetically (French collation): stable output for dashboards and tests.
 */
export function crossFinancing(lines: readonly FundingLineData[], year?: number | null): CrossFinancingData {
  const kept = year == null ? lines : lines.filter((l) => l.year === year);
  const bySource = new Map<FundingSource, Cents[]>();
  const byYear = new Map<number, Cents[]>();
  const byFunder = new Map<string, Cents[]>();
  const push = <K>(map: Map<K, Cents[]>, key: K, cents: Cents) => map.set(key, [...(map.get(key) ?? []), cents]);
  for (const line of kept) {
    if (line.cents === 0) continue;
    push(bySource, line.source, line.cents);
    push(byYear, line.year, line.cents);
    push(byFunder, line.funder, line.cents);
  }
  const funders = [...byFunder.keys()].sort((a, b) => a.localeCompare(b, "fr"));
  return {
    totalCents: sumCents(kept.map((l) => l.cents)),
    bySource: FUNDING_SOURCES_IN_ORDER.filter((s) => bySource.has(s)).map((source) => ({ source, cents: sumCents(bySource.get(source)!) })),
    byYear: [...byYear.keys()].sort((a, b) => a - b).map((y) => ({ year: y, totalCents: sumCents(byYear.get(y)!) })),
    funders,
    byFunder: funders.map((funder) => ({ funder, cents: sumCents(byFunder.get(funder)!) })),
  };
}
