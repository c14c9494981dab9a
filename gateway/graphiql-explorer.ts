/**
 * GraphiQL's explorer tabs: analysts' questions that the public contract does not hold, run on the
 * explorer's fields (the national lists' filters, the structure search). After the contract's tabs;
 * their variables answer on the fictitious demo set of `npm start` (Occitanie's 2022 call kept
 * axes 4 and 5, seed 002).
 */
export interface ExplorerExample {
  /** The tab's title, in French, as its first comment line says it. */
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

export const EXPLORER_EXAMPLES: Readonly<Record<string, ExplorerExample>> = {
  ExplorerAxeRegion: {
    title: "Explorer : projets de l'axe 4 en Occitanie",
    summary: "Les lauréats des deux volets et les subventions des CAF d'une région, d'une année et d'axes donnés (filtres cumulables : montants, états, fonds, texte).",
    document: EXPLORER_AXIS_REGION,
    variables: { region: "76", year: 2022, axes: ["CULTURAL_AWAKENING"] },
  },
  ExplorerRechercheStructures: {
    title: "Explorer : recherche de structures",
    summary: "Les structures de l'annuaire dont le nom contient un mot (sans tenir compte des accents ni des majuscules) ou dont le SIRET commence par des chiffres, avec leurs financements croisés.",
    document: EXPLORER_STRUCTURE_SEARCH,
    variables: { search: "berceau", first: 10 },
  },
};
