/**
 * The national list of laureates of a year (what regions send before 30 November) as CSV: both
 * sides of the regional calls, every status (a withdrawn project stays listed, marked "Retiré"),
 * sorted by region then side. Comma, UTF-8 without BOM, amounts with a dot and two decimals.
 */
import { exportCsv } from "./csv";
import { regionalFunder } from "../../subgraphs/domain/financing/funders";
import { AXIS_RECORDS } from "../../subgraphs/domain/reference/axes";
import { STATUS_LABELS } from "../dashboard/labels";
import { allProjects, LAUREATE_PAGE_SIZE } from "./funder-grants";
import { GraphqlClient } from "./gateway-client";
import { scdlAmount } from "./scdl";
import { checkExportBound, EXPORT_MAX_ROWS } from "./export-bound";

export const LAUREATE_COLUMNS = [
  "annee",
  "volet",
  "financeur",
  "code_region",
  "region",
  "id_projet",
  "intitule",
  "siret",
  "structure",
  "departements",
  "axes",
  "statut",
  "montant",
] as const;
export type LaureateRecord = Record<(typeof LAUREATE_COLUMNS)[number], string>;

interface Laureate {
  id: string;
  title: string;
  amount: number;
  year: number;
  status: string;
  axes: string[];
  call: { region: { code: string; name: string } };
  structure: { siret: string; name: string | null };
  departments: { code: string }[];
}
const SELECTION = "id title amount year status axes call { region { code name } } structure { siret name } departments { code }";

const axisNumbers = new Map(AXIS_RECORDS.map((a) => [a.axis as string, a.number]));

function record(side: "health" | "social", l: Laureate): LaureateRecord {
  return {
    annee: String(l.year),
    volet: side === "health" ? "santé" : "social",
    financeur: regionalFunder(side === "health" ? "ARS" : "DREETS", l.call.region.code),
    code_region: l.call.region.code,
    region: l.call.region.name,
    id_projet: l.id,
    intitule: l.title,
    siret: l.structure.siret,
    structure: l.structure.name ?? "",
    departements: l.departments.map((d) => d.code).join(";"),
    axes: l.axes.map((a) => axisNumbers.get(a) ?? a).join(";"),
    statut: STATUS_LABELS[l.status] ?? l.status,
    montant: scdlAmount(l.amount),
  };
}

const COUNT = `query ExportLaureateCount($health: HealthProjectFilter, $social: SocialProjectFilter) {
  healthProjects(filter: $health, first: 0) { totalCount }
  socialProjects(filter: $social, first: 0) { totalCount }
}`;

/**
 * The laureates of both sides under one filter (the graph's HealthProjectFilter/SocialProjectFilter,
 * the same for both): counted first, refused above `maxRows`, then read page after page.
 */
export async function nationalLaureates(
  client: GraphqlClient,
  filter: number | Record<string, unknown>,
  pageSize = LAUREATE_PAGE_SIZE,
  maxRows = EXPORT_MAX_ROWS,
): Promise<LaureateRecord[]> {
  const variables = typeof filter === "number" ? { year: filter } : filter;
  const counts = await client<Record<string, { totalCount: number }>>(
    COUNT,
    { health: variables, social: variables },
    "ExportLaureateCount",
  );
  checkExportBound(counts.healthProjects.totalCount + counts.socialProjects.totalCount, maxRows);
  const [health, social] = await Promise.all(
    (["health", "social"] as const).map((side) => allProjects<Laureate>(client, side, variables, SELECTION, pageSize)),
  );
  checkExportBound(health.length + social.length, maxRows); // rows recorded while the pages were read
  const records = [...health.map((l) => record("health", l)), ...social.map((l) => record("social", l))];
  // stable sort: region, then side (health first), then the API's order
  return records.sort((a, b) => a.code_region.localeCompare(b.code_region) || (a.volet === b.volet ? 0 : a.volet === "santé" ? -1 : 1));
}

export const laureatesCsv = (records: readonly LaureateRecord[]) => exportCsv(records, LAUREATE_COLUMNS, ["annee", "montant"]);
/** `filtered`: the file holds only part of the year's laureates (filters other than the year). */
export const laureatesFileName = (year: number, filtered = false) => `laureats-1000-premiers-jours-${year}${filtered ? "-filtre" : ""}.csv`;
