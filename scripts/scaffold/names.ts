/**
 * Everything the templates of `npm run subgraph:new` need, derived once from the command line:
 * the subgraph's name and the names of its types, tables, fields and classes.
 */
export const ORGANISATION_KINDS = ["ars", "dreets", "caf", "cd", "national"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Whom a write belongs to: the body of a region, of a department, or the national level. */
export type Scope = "region" | "department" | "national";
export const scopeOf = (org: OrganisationKind): Scope =>
  org === "ars" || org === "dreets" ? "region" : org === "national" ? "national" : "department";

/** How cross-financing names the funder when --funder is not given. */
export const DEFAULT_FUNDER_LABEL: Record<OrganisationKind, string> = {
  ars: "ARS",
  dreets: "DREETS",
  caf: "CAF",
  cd: "Conseil départemental",
  national: "",
};

export interface ScaffoldOptions {
  /** The subgraph's name: lowercase letters and digits, a letter first (`collectivites`). */
  name: string;
  /** FundingSource of its lines in cross-financing (`DEPARTMENT`, `LOCAL_AUTHORITY`, `OTHER`…). */
  source: string;
  /** Kind of organisation whose tokens record the lines (`cd` → `cd:<département>`). */
  org: OrganisationKind;
  /** How cross-financing names the funder (its territory is appended); default from `org`. */
  funder?: string;
  /** Port of the local set-up (routing URL and index.ts default). */
  port: number;
  /** Timestamp of the initial migration (its class name and order). */
  migrationTimestamp: number;
}

export interface Names extends Required<ScaffoldOptions> {
  scope: Scope;
  /** `Collectivites` */
  pascal: string;
  /** GraphQL type of a funding line: `CollectivitesGrant` */
  grantType: string;
  /** TypeORM entity class: `CollectivitesGrantRow` */
  grantRow: string;
  /** Table: `collectivites_grant` */
  grantTable: string;
  /** Input type: `CollectivitesGrantInput` */
  grantInput: string;
  /** Mutation and write function: `recordCollectivitesGrant` */
  recordMutation: string;
  /** Field listing the lines on Department, Structure, Project: `collectivitesGrants` */
  listField: string;
  /** Root query of one line: `collectivitesGrant` */
  oneQuery: string;
  migrationClass: string;
  /** Exported SubgraphModule: `collectivitesSubgraph` */
  moduleConst: string;
}

export function deriveNames(options: ScaffoldOptions): Names {
  const { name } = options;
  const pascal = name[0].toUpperCase() + name.slice(1);
  const funder = options.funder ?? (DEFAULT_FUNDER_LABEL[options.org] || pascal);
  return {
    ...options,
    funder,
    scope: scopeOf(options.org),
    pascal,
    grantType: `${pascal}Grant`,
    grantRow: `${pascal}GrantRow`,
    grantTable: `${name}_grant`,
    grantInput: `${pascal}GrantInput`,
    recordMutation: `record${pascal}Grant`,
    listField: `${name}Grants`,
    oneQuery: `${name}Grant`,
    migrationClass: `${pascal}Initial${options.migrationTimestamp}`,
    moduleConst: `${name}Subgraph`,
  };
}

/** A string as a TypeScript string literal (labels come from the command line). */
export const literal = (value: string) => JSON.stringify(value);
