/**
 * The read operations of the public contract (../shared/contract/operations.graphql), copied here
 * word for word because the gateway runs without ../shared beside it. A test checks the copy
 * against the contract. GraphiQL opens them as named tabs; the dashboard and the exports send them
 * unchanged to /graphql. The explorer's tabs follow them (graphiql-explorer.ts).
 */
import { EXPLORER_EXAMPLES } from "./graphiql-explorer";

export interface ContractRead {
  /** One line, in French: what the operation answers. */
  summary: string;
  document: string;
  /** Example variables (the fictitious demo set of `npm start`). */
  variables: Record<string, unknown>;
}

export const REGION_DASHBOARD = `query RegionDashboard($region: ID!, $year: Int!) {
  region(code: $region) {
    code
    name
    overseas
    healthCalls(year: $year) {
      id title year axes joint envelope awarded minimumAward deadline resultsDue
      projects { id title amount axes status departments { code } structure { siret name } project { ref } }
    }
    socialCalls(year: $year) {
      id title year axes joint envelope awarded minimumAward deadline resultsDue
      projects { id title amount axes status departments { code } structure { siret name } project { ref } }
    }
    departments {
      code
      name
      parentalityGrants(year: $year) { id fund amount axes structure { siret name } }
    }
    crossFinancing(year: $year) {
      total
      bySource { source amount }
    }
  }
}`;

export const STRUCTURE_FINANCING = `query StructureFinancing($siret: ID!) {
  structure(siret: $siret) {
    siret
    name
    healthProjects { id title amount year status call { id region { code } } }
    socialProjects { id title amount year status call { id region { code } } }
    parentalityGrants { id fund amount year department { code } }
    maisonProjects { id title decision territory { code } }
    crossFinancing {
      total
      bySource { source amount }
      byYear { year total }
      funders
    }
  }
}`;

export const CO_FINANCED_PROJECT = `query CoFinancedProject($ref: ID!) {
  project(ref: $ref) {
    ref
    healthProjects { id amount year structure { siret } }
    socialProjects { id amount year structure { siret } }
    parentalityGrants { id fund amount year }
    crossFinancing { total bySource { source amount } funders }
  }
}`;

export const NATIONAL_LAUREATES = `query NationalLaureates($year: Int!, $first: Int!, $after: String) {
  healthProjects(filter: { year: $year }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title amount axes call { region { code name } } structure { siret name } } }
  }
  socialProjects(filter: { year: $year }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title amount axes call { region { code name } } structure { siret name } } }
  }
}`;

export const CAF_DEPARTMENT = `query CafDepartment($department: ID!, $year: Int!) {
  department(code: $department) {
    code
    name
    region { code name }
    parentalityGrants(year: $year) {
      id fund amount axes
      structure {
        siret
        healthProjects { id amount year }
        socialProjects { id amount year }
      }
    }
  }
}`;

export const MAISONS_BOARD = `query MaisonsBoard {
  maisonTerritories {
    region { code name }
    hasLabelledProject
    projects {
      id title decision phase
      carriers { siret name }
      assessment { met total criteria { code met } }
      budget { year source amount }
      budgetTotal
    }
  }
}`;

/** In the contract's order. */
export const CONTRACT_READS: Readonly<Record<string, ContractRead>> = {
  RegionDashboard: {
    summary:
      "Tableau de bord régional : les deux volets de l'appel à projets, les subventions des CAF de chaque département et les financements croisés de la région pour une année.",
    document: REGION_DASHBOARD,
    variables: { region: "52", year: 2021 },
  },
  StructureFinancing: {
    summary: "Tout ce que chaque partenaire finance pour une structure (SIRET), et la synthèse des financements croisés.",
    // La Poste's demo structure: its SIRET is the known exception to the Luhn rule.
    document: STRUCTURE_FINANCING,
    variables: { siret: "35600000000047" },
  },
  CoFinancedProject: {
    summary: "Un dossier cofinancé (par exemple un lauréat d'un appel commun ARS-DREETS aussi financé par la CAF).",
    document: CO_FINANCED_PROJECT,
    variables: { ref: "DEMO-2021-0001" },
  },
  NationalLaureates: {
    summary: "La liste nationale des lauréats d'une année, paginée (la liste que les régions envoient avant le 30 novembre).",
    document: NATIONAL_LAUREATES,
    variables: { year: 2021, first: 50 },
  },
  CafDepartment: {
    summary: "Une CAF vérifie la complémentarité de ses subventions avec les appels à projets régionaux dans son département.",
    document: CAF_DEPARTMENT,
    variables: { department: "44", year: 2021 },
  },
  MaisonsBoard: {
    summary: "Le tableau de labellisation des Maisons des 1000 premiers jours d'outre-mer.",
    document: MAISONS_BOARD,
    variables: {},
  },
};

const tab = (heading: string, summary: string, document: string, variables: Record<string, unknown>) => ({
  query: `# Graphe des financements des 1000 premiers jours — ${heading}.\n# ${summary}\n# La documentation de chaque type et champ est dans l'explorateur (« Docs »).\n${document}\n`,
  variables: JSON.stringify(variables, null, 2),
});

/**
 * One GraphiQL tab per contract read, titled by its operation name, with a French comment; then
 * the explorer's tabs (gateway/graphiql-explorer.ts), outside the contract.
 */
export const GRAPHIQL_DEFAULT_TABS = [
  ...Object.values(CONTRACT_READS).map((read, i, all) =>
    tab(`exemple ${i + 1}/${all.length} du contrat public`, read.summary, read.document, read.variables),
  ),
  ...Object.values(EXPLORER_EXAMPLES).map((example) =>
    tab(`${example.title} (hors contrat public)`, example.summary, example.document, example.variables),
  ),
];

/** Every tab's operation and its example variables, in the tabs' order (the GraphiQL test runs them all). */
export const GRAPHIQL_EXAMPLES: Readonly<Record<string, { variables: Record<string, unknown> }>> = {
  ...CONTRACT_READS,
  ...EXPLORER_EXAMPLES,
};

/** The query GraphiQL opens with when tabs are not used: the regional dashboard. */
export const GRAPHIQL_DEFAULT_QUERY = GRAPHIQL_DEFAULT_TABS[0].query;
