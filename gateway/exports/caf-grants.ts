/**
 * The CAF grants a filter of Query.parentalityGrants retains, as CSV: every page, in the graph's
 * order (by id), refused above the export bound. Comma, UTF-8 without BOM, amounts with a dot and
 * two decimals; text cells that a spreadsheet would run as a formula neutralised (csv.ts).
 */
import { cafFunder } from "../../subgraphs/domain/financing/funders";
import { AXIS_RECORDS } from "../../subgraphs/domain/reference/axes";
import { exportCsv } from "./csv";
import { checkExportBound, EXPORT_MAX_ROWS } from "./export-bound";
import { LAUREATE_PAGE_SIZE } from "./funder-grants";
import { GraphqlClient } from "./gateway-client";
import { scdlAmount } from "./scdl";

export const CAF_GRANT_COLUMNS = [
  "annee",
  "financeur",
  "code_departement",
  "departement",
  "fonds",
  "id_subvention",
  "objet",
  "siret",
  "structure",
  "axes",
  "montant",
] as const;
export type CafGrantRecord = Record<(typeof CAF_GRANT_COLUMNS)[number], string>;

interface Grant {
  id: string;
  year: number;
  fund: string;
  title: string;
  amount: number;
  axes: string[];
  department: { code: string; name: string };
  structure: { siret: string; name: string | null };
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Grant }[];
}

const DOCUMENT = `query ExportParentalityGrants($filter: ParentalityGrantFilter, $first: Int!, $after: String) {
  parentalityGrants(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id year fund title amount axes department { code name } structure { siret name } } }
  }
}`;

const axisNumbers = new Map(AXIS_RECORDS.map((a) => [a.axis as string, a.number]));

const record = (g: Grant): CafGrantRecord => ({
  annee: String(g.year),
  financeur: cafFunder(g.department.code),
  code_departement: g.department.code,
  departement: g.department.name,
  fonds: g.fund,
  id_subvention: g.id,
  objet: g.title,
  siret: g.structure.siret,
  structure: g.structure.name ?? "",
  axes: g.axes.map((a) => axisNumbers.get(a) ?? a).join(";"),
  montant: scdlAmount(g.amount),
});

/** Every grant the filter retains; the first page's totalCount is checked against the bound before reading on. */
export async function cafGrants(
  client: GraphqlClient,
  filter: Record<string, unknown>,
  pageSize = LAUREATE_PAGE_SIZE,
  maxRows = EXPORT_MAX_ROWS,
): Promise<CafGrantRecord[]> {
  const grants: Grant[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { parentalityGrants: Page } = await client(DOCUMENT, { filter, first: pageSize, after }, "ExportParentalityGrants");
    const page = data.parentalityGrants;
    checkExportBound(page.totalCount, maxRows);
    grants.push(...page.edges.map((e) => e.node));
    checkExportBound(grants.length, maxRows);
    if (!page.pageInfo.hasNextPage) return grants.map(record);
    after = page.pageInfo.endCursor;
  }
}

export const cafGrantsCsv = (records: readonly CafGrantRecord[]) => exportCsv(records, CAF_GRANT_COLUMNS, ["annee", "montant"]);
export const cafGrantsFileName = (year: number | null, filtered: boolean) =>
  `subventions-caf-1000-premiers-jours-${year ?? "toutes-annees"}${filtered ? "-filtre" : ""}.csv`;
