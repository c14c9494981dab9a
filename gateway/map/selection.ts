/** What the map shows (year, level, figure, source, axis, funder, territory), read from its URL, and the reference it offers. */
import { dashboardReference } from "../dashboard/labels";
import { DEPARTMENTS } from "../../subgraphs/domain/reference/cog";
import { readSourceChoice, sourcesReference } from "./sources";

/** What the map colours territories by. */
export const MAP_FIGURES = {
  financements: "Financements croisés",
  laureats: "Nombre de projets lauréats",
  maisons: "Maisons des 1000 premiers jours labellisées",
} as const;
export type MapFigure = keyof typeof MAP_FIGURES;

/** The funders a filter can keep, and the sources each one pays from. */
export const MAP_FUNDERS: Readonly<Record<string, { label: string; sources: string[] }>> = {
  ARS: { label: "ARS (FIR)", sources: ["FIR"] },
  DREETS: { label: "DREETS / DEETS (P304)", sources: ["P304_17", "P304_19"] },
  CAF: { label: "CAF", sources: ["CAF_FNP", "CAF_REAAP", "CAF_LAEP", "CAF_FPT", "FIPE"] },
};

/**
 * The keys map-chart's region map draws, by INSEE region code. Read in its source
 * (dsfr-chart 2.0.4, dist/MapChart: the paths are classed FR-<key>): metropolitan regions by
 * their ISO 3166-2 letters, overseas regions by their department's code. Its README's region
 * example keys them by INSEE code, which colours nothing.
 */
export const CHART_REGION_KEYS: Readonly<Record<string, string>> = {
  "11": "IDF",
  "24": "CVL",
  "27": "BFC",
  "28": "NOR",
  "32": "HDF",
  "44": "GES",
  "52": "PDL",
  "53": "BRE",
  "75": "NAQ",
  "76": "OCC",
  "84": "ARA",
  "93": "PAC",
  "94": "20R",
  "01": "971",
  "02": "972",
  "03": "973",
  "04": "974",
  "06": "976",
};

/** `source`: "" (every source), a FundingSource value or a family (`famille-caf`), see sources.ts. */
export interface MapSelection {
  level: "dep" | "reg";
  year: number;
  figure: MapFigure;
  source: string;
  axis: string;
  funder: string;
  territory: string;
}

export function mapReference() {
  const reference = dashboardReference();
  return {
    ...reference,
    departments: DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, region: d.regionCode })),
    figures: MAP_FIGURES,
    funders: MAP_FUNDERS,
    chartRegionKeys: CHART_REGION_KEYS,
    financing: sourcesReference(),
  };
}

export function readMapSelection(search: URLSearchParams): MapSelection {
  const reference = mapReference();
  const year = Number(search.get("annee"));
  const figure = search.get("indicateur") ?? "";
  const axis = search.get("axe") ?? "";
  const funder = search.get("financeur") ?? "";
  const level = search.get("niveau") === "departement" ? "dep" : "reg";
  const territory = search.get("territoire") ?? "";
  const territories = level === "dep" ? reference.departments : reference.regions;
  return {
    level,
    year: reference.years.includes(year) ? year : reference.defaultYear,
    figure: Object.hasOwn(MAP_FIGURES, figure) ? (figure as MapFigure) : "financements",
    source: readSourceChoice(search.get("source")),
    axis: reference.axes.some((a) => a.code === axis) ? axis : "",
    funder: Object.hasOwn(MAP_FUNDERS, funder) ? funder : "",
    territory: territories.some((t) => t.code === territory) ? territory : "",
  };
}
