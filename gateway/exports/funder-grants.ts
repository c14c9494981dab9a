/**
 * A funder's grants, read through the gateway: the laureates of an ARS (health side) or of a
 * DREETS (social side) in its region, the grants of a CAF in its department. Public fields only;
 * the laureate lists are read page by page (at most 500 a page, the schema's limit).
 */
import { FunderKind } from "./grantors";
import { GraphqlClient } from "./gateway-client";

/** One grant as the SCDL export needs it. */
export interface FunderGrant {
  id: string;
  year: number;
  /** Fund or programme (FundingSource code). */
  source: string;
  /** What the money is for: the laureate project's or the grant's title. */
  title: string;
  /** The call a laureate was chosen by (title), null for a CAF grant. */
  callTitle: string | null;
  amount: number;
  beneficiary: { siret: string; name: string | null };
}

export const LAUREATE_PAGE_SIZE = 500;

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/**
 * Every page of a laureate connection (healthProjects or socialProjects), in the API's order,
 * with the given selection of HealthProject/SocialProject fields.
 */
export async function allProjects<T>(
  client: GraphqlClient,
  side: "health" | "social",
  filter: Record<string, unknown>,
  selection: string,
  pageSize = LAUREATE_PAGE_SIZE,
): Promise<T[]> {
  const field = side === "health" ? "healthProjects" : "socialProjects";
  const name = side === "health" ? "ExportHealthProjects" : "ExportSocialProjects";
  const document = `query ${name}($filter: ${side === "health" ? "HealthProjectFilter" : "SocialProjectFilter"}, $first: Int!, $after: String) {
  ${field}(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${selection} } }
  }
}`;
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, Page<T>> = await client(document, { filter, first: pageSize, after }, name);
    const page = data[field];
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

interface LaureateForScdl {
  id: string;
  title: string;
  amount: number;
  year: number;
  status: string;
  call: { title: string; fund: string };
  structure: { siret: string; name: string | null };
}
const LAUREATE_FOR_SCDL = "id title amount year status call { title fund } structure { siret name }";

const CAF_GRANTS = `query ScdlCafGrants($department: ID!, $year: Int) {
  department(code: $department) {
    code
    parentalityGrants(year: $year) { id fund amount year title structure { siret name } }
  }
}`;

/**
 * The grants of one funder, optionally of one year. Withdrawn laureates are left out: their money
 * was not granted (the hub's cross-financing leaves them out too).
 */
export async function funderGrants(
  client: GraphqlClient,
  kind: FunderKind,
  territory: string,
  year: number | null,
): Promise<FunderGrant[]> {
  if (kind === "caf") {
    type Data = {
      department: {
        parentalityGrants: {
          id: string;
          fund: string;
          amount: number;
          year: number;
          title: string;
          structure: { siret: string; name: string | null };
        }[];
      } | null;
    };
    const data = await client<Data>(CAF_GRANTS, { department: territory, year }, "ScdlCafGrants");
    return (data.department?.parentalityGrants ?? []).map((g) => ({
      id: g.id,
      year: g.year,
      source: g.fund,
      title: g.title,
      callTitle: null,
      amount: g.amount,
      beneficiary: g.structure,
    }));
  }
  const filter: Record<string, unknown> = { region: territory };
  if (year !== null) filter.year = year;
  const projects = await allProjects<LaureateForScdl>(client, kind === "ars" ? "health" : "social", filter, LAUREATE_FOR_SCDL);
  return projects
    .filter((p) => p.status !== "WITHDRAWN")
    .map((p) => ({
      id: p.id,
      year: p.year,
      source: p.call.fund,
      title: p.title,
      callTitle: p.call.title,
      amount: p.amount,
      beneficiary: p.structure,
    }));
}
