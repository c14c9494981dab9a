import { FundingSource, FUNDING_SOURCES_IN_ORDER } from "../enums";
import { Cents, sumCents } from "../money";

/** One funder's money for one entity, one year and one source (what each funder subgraph reports). */
export interface FundingLineData {
  year: number;
  source: FundingSource;
  funder: string;
  cents: Cents;
  /** The shared dossier reference the line belongs to, when the funder recorded one. */
  dossier?: string | null;
  /** True for a forecast (a Maison's budget line), false or absent for money recorded by its funder. */
  forecast?: boolean | null;
}

export interface FunderCents {
  funder: string;
  /** What counts in the total for this funder (recorded lines and forecasts not replaced). */
  cents: Cents;
  /** The part of `cents` that is still a forecast. */
  forecastCents: Cents;
  /** Forecasts of this funder not counted: the funder recorded the actual for the same dossier, source and year. */
  replacedForecastCents: Cents;
}

export interface CrossFinancingData {
  totalCents: Cents;
  forecastCents: Cents;
  bySource: { source: FundingSource; cents: Cents }[];
  byYear: { year: number; totalCents: Cents }[];
  funders: string[];
  byFunder: FunderCents[];
}

const reconciliationKey = (l: FundingLineData) => `${l.dossier}\u0000${l.source}\u0000${l.year}`;

/**
 * The reconciliation rule (schema/README.md): a forecast line of a dossier is replaced by what a
 * funder records for the same dossier, source and year; a forecast without such an actual counts.
 */
export function reconcile<Line extends FundingLineData>(lines: readonly Line[]): { counted: Line[]; replaced: Line[] } {
  const actuals = new Set(lines.filter((l) => !l.forecast && l.dossier && l.cents !== 0).map(reconciliationKey));
  const counted: Line[] = [];
  const replaced: Line[] = [];
  for (const line of lines) (line.forecast && line.dossier && actuals.has(reconciliationKey(line)) ? replaced : counted).push(line);
  return { counted, replaced };
}

/**
 * Sums every funder's lines, after reconciliation. Sources come out in the order of the
 * FundingSource enum, years ascending, funders alphabetically (French collation): stable output
 * for dashboards and tests. Every sum is exact or throws (sumCents), never a rounded number.
 */
export function crossFinancing(lines: readonly FundingLineData[], year?: number | null): CrossFinancingData {
  const { counted, replaced } = reconcile(year == null ? lines : lines.filter((l) => l.year === year));
  const bySource = new Map<FundingSource, Cents[]>();
  const byYear = new Map<number, Cents[]>();
  const byFunder = new Map<string, { counted: Cents[]; forecast: Cents[]; replaced: Cents[] }>();
  const push = <K>(map: Map<K, Cents[]>, key: K, cents: Cents) => map.set(key, [...(map.get(key) ?? []), cents]);
  const funder = (name: string) => {
    let f = byFunder.get(name);
    if (!f) byFunder.set(name, (f = { counted: [], forecast: [], replaced: [] }));
    return f;
  };
  for (const line of counted) {
    if (line.cents === 0) continue;
    push(bySource, line.source, line.cents);
    push(byYear, line.year, line.cents);
    funder(line.funder).counted.push(line.cents);
    if (line.forecast) funder(line.funder).forecast.push(line.cents);
  }
  for (const line of replaced) if (line.cents !== 0) funder(line.funder).replaced.push(line.cents);
  const funders = [...byFunder].sort(([a], [b]) => a.localeCompare(b, "fr"));
  return {
    totalCents: sumCents(counted.map((l) => l.cents)),
    forecastCents: sumCents(counted.filter((l) => l.forecast).map((l) => l.cents)),
    bySource: FUNDING_SOURCES_IN_ORDER.flatMap((source) => {
      const cents = bySource.get(source);
      return cents ? [{ source, cents: sumCents(cents) }] : [];
    }),
    byYear: [...byYear].sort(([a], [b]) => a - b).map(([y, cents]) => ({ year: y, totalCents: sumCents(cents) })),
    funders: funders.filter(([, f]) => f.counted.length > 0).map(([name]) => name),
    byFunder: funders.map(([name, f]) => {
      return { funder: name, cents: sumCents(f.counted), forecastCents: sumCents(f.forecast), replacedForecastCents: sumCents(f.replaced) };
    }),
  };
}

/**
 * Splits a project's amount across the departments it runs in, so that the departments add up to
 * the whole, to the cent: equal shares, the remainder cents one each to the first departments by
 * code (largest remainder method; every share has the same remainder, the code breaks the tie).
 */
export function splitAcrossDepartments(cents: Cents, departmentCodes: readonly string[]): { department: string; cents: Cents }[] {
  const codes = [...new Set(departmentCodes)].sort();
  if (codes.length === 0) return [];
  const share = Math.floor(cents / codes.length);
  const remainder = cents - share * codes.length;
  return codes.map((department, i) => ({ department, cents: share + (i < remainder ? 1 : 0) }));
}
