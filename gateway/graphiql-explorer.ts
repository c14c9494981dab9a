/**
 * GraphiQL's explorer tabs, after the contract's: analysts' questions that the public contract does
 * not hold, run on the explorer's fields (the national lists' filters, the structure search, the
 * figures by axis, who co-finances with whom). Their variables answer on the fictitious demo set of
 * `npm start` (Occitanie's 2022 call kept axes 4 and 5, seed 002).
 */
export interface ExplorerExample {
  /** The tab's name for the analyst, in French (GraphiQL titles a tab by its operation name). */
  title: string;
  summary: string;
  document: string;
  variables: Record<string, unknown>;
}

export const EXPLORER_AXIS_REGION = `query ExplorerAxeRegion($region: ID!, $year: Int, $axes: [Axis!]) {
  healthProjects(filter: { region: $region, year: $year, axes: $axes }, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title amount axes status departments { code name } structure { siret name } } }
  }
  socialProjects(filter: { region: $region, year: $year, axes: $axes }, first: 20) {
    totalCount
    edges { node { id title amount axes structure { siret name } } }
  }
  parentalityGrants(filter: { region: $region, year: $year, axes: $axes }, first: 20) {
    totalCount
    edges { node { id fund title amount department { code name } structure { siret name } } }
  }
}`;

export const EXPLORER_STRUCTURE_SEARCH = `query ExplorerRechercheStructures($search: String!, $first: Int) {
  structures(search: $search, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        siret
        name
        crossFinancing { total complete funders }
        healthProjects { id title year }
        parentalityGrants { id fund amount year }
      }
    }
  }
}`;

export const EXPLORER_BY_AXIS = `query ExplorerByAxis($region: ID!, $department: ID!, $year: Int!) {
  region(code: $region) {
    name
    crossFinancing(year: $year) { total }
    crossFinancingByAxis(year: $year) {
      total complete missingFunders
      byAxis { axis amount lines funders }
      withoutAxis withoutAxisLines
    }
  }
  department(code: $department) {
    name
    crossFinancingByAxis(year: $year) { total complete byAxis { axis amount lines } withoutAxis }
  }
}`;

export const EXPLORER_CO_FUNDING = `query ExplorerCoFunding($region: ID!, $year: Int!, $first: Int!) {
  region(code: $region) {
    name
    coFunding(year: $year, first: $first) {
      complete missingFunders totalCount
      pairs { firstFunder secondFunder structures dossiers firstFunderAmount secondFunderAmount }
    }
    departments {
      code name
      coFunding(year: $year, first: 3) { totalCount pairs { firstFunder secondFunder structures dossiers } }
    }
  }
}`;

export const EXPLORER_EXAMPLES: Readonly<Record<string, ExplorerExample>> = {
  ExplorerAxeRegion: {
    title: "Explorer : projets de l'axe 4 en Occitanie",
    summary:
      "Les lauréats des deux volets et les subventions des CAF d'une région, d'une année et d'axes donnés (filtres cumulables : montants, états, fonds, texte).",
    document: EXPLORER_AXIS_REGION,
    variables: { region: "76", year: 2022, axes: ["CULTURAL_AWAKENING"] },
  },
  ExplorerRechercheStructures: {
    title: "Explorer : recherche de structures",
    summary:
      "Les structures de l'annuaire dont le nom contient un mot (sans tenir compte des accents ni des majuscules) ou dont le SIRET commence par des chiffres, avec leurs financements croisés.",
    document: EXPLORER_STRUCTURE_SEARCH,
    variables: { search: "berceau", first: 10 },
  },
  ExplorerByAxis: {
    title: "Explorer : financements par axe",
    summary:
      "Les financements croisés d'une région et d'un département répartis par axe thématique (une ligne sur plusieurs axes compte dans chacun).",
    document: EXPLORER_BY_AXIS,
    variables: { region: "52", department: "85", year: 2021 },
  },
  ExplorerCoFunding: {
    title: "Explorer : qui cofinance avec qui",
    summary:
      "Les paires de financeurs qui financent une même structure ou un même dossier dans la région et dans chacun de ses départements, pour une année.",
    document: EXPLORER_CO_FUNDING,
    variables: { region: "52", year: 2021, first: 20 },
  },
};
