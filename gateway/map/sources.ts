/**
 * What the map's "Financements croisés" colours: every source, one funding source (FundingSource)
 * or one family of funders. The families group the sources the way partners are named in the
 * instructions; each source belongs to exactly one family (test/unit/map-sources.test.ts).
 */
import { FundingSource, FUNDING_SOURCES_IN_ORDER } from "../../subgraphs/domain/enums";
import { SOURCE_LABELS } from "../dashboard/labels";

/** The families, in the order the form offers them. */
export const FUNDER_FAMILIES: Readonly<Record<string, { label: string; sources: readonly FundingSource[] }>> = {
  ars: { label: "ARS — FIR", sources: [FundingSource.FIR] },
  dreets: { label: "DREETS / DEETS — P304", sources: [FundingSource.P304_17, FundingSource.P304_19] },
  caf: {
    label: "CAF — FNP, REAAP, LAEP, FPT, FIPE",
    sources: [FundingSource.CAF_FNP, FundingSource.CAF_REAAP, FundingSource.CAF_LAEP, FundingSource.CAF_FPT, FundingSource.FIPE],
  },
  departements: { label: "Départements — crédits départementaux", sources: [FundingSource.DEPARTMENT] },
  autres: { label: "Autres collectivités et autres financeurs", sources: [FundingSource.LOCAL_AUTHORITY, FundingSource.OTHER] },
};

/** The URL value of a family (`source=famille-caf`); a single source is its enum value (`source=FIR`). */
export const FAMILY_PREFIX = "famille-";

/** "" (every source), a FundingSource value or a family: what `source=` may say. */
export function readSourceChoice(value: string | null): string {
  if (!value) return "";
  if (value.startsWith(FAMILY_PREFIX) && Object.hasOwn(FUNDER_FAMILIES, value.slice(FAMILY_PREFIX.length))) return value;
  return (FUNDING_SOURCES_IN_ORDER as readonly string[]).includes(value) ? value : "";
}

/** The sources a choice adds up; empty for every source (the graph's total, then). */
export function sourcesOfChoice(choice: string): readonly string[] {
  if (!choice) return [];
  const family = choice.slice(FAMILY_PREFIX.length);
  if (choice.startsWith(FAMILY_PREFIX)) return Object.hasOwn(FUNDER_FAMILIES, family) ? FUNDER_FAMILIES[family].sources : [];
  return [choice];
}

/** The choices as the form's option groups (value, French label). */
export const SOURCE_CHOICE_GROUPS: readonly { label: string; options: { value: string; label: string }[] }[] = [
  {
    label: "Familles de financeurs",
    options: Object.entries(FUNDER_FAMILIES).map(([key, family]) => ({ value: FAMILY_PREFIX + key, label: family.label })),
  },
  {
    label: "Sources de financement",
    options: FUNDING_SOURCES_IN_ORDER.map((source) => ({ value: source, label: SOURCE_LABELS[source] ?? source })),
  },
];

/** The label of every choice, for the browser (legend, caption, note). */
export function sourceChoiceLabels(): Record<string, string> {
  const labels: Record<string, string> = { "": "toutes sources" };
  for (const group of SOURCE_CHOICE_GROUPS) for (const o of group.options) labels[o.value] = o.label;
  return labels;
}

/**
 * The departments' cross-financing, all in one request: the contract's RegionDashboard carries the
 * region's (`crossFinancing { total bySource }`) but not a department's, which only this query
 * (outside the contract, the schema's `departments { crossFinancing }`) gives.
 */
export const MAP_DEPARTMENT_FINANCING = `query MapDepartmentFinancing($year: Int!) {
  departments {
    code
    crossFinancing(year: $year) { total bySource { source amount } }
  }
}`;

/**
 * The sources of the lines the map lists (ARS and DREETS laureates, CAF grants): with a filter by
 * axis or funder the figure adds those lines up, so a choice outside them has no figure then.
 */
export const LISTED_LINE_SOURCES: readonly FundingSource[] = [FundingSource.FIR, FundingSource.P304_17, ...FUNDER_FAMILIES.caf.sources];

/** What the browser needs to colour by a source or a family. */
export function sourcesReference() {
  const families: Record<string, readonly string[]> = {};
  for (const [key, family] of Object.entries(FUNDER_FAMILIES)) families[FAMILY_PREFIX + key] = family.sources;
  return { families, choiceLabels: sourceChoiceLabels(), lineSources: LISTED_LINE_SOURCES };
}
