/**
 * GraphiQL's explorer tabs, after the contract's: the analysts' figures of issue 15 (not in the
 * contract; the tabs show how to ask them). Variables from the fictitious demo set of `npm start`.
 */
export interface ExplorerExample {
  /** The tab's name for the analyst, in French (GraphiQL titles a tab by its operation name). */
  title: string;
  summary: string;
  document: string;
  variables: Record<string, unknown>;
}

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
  ExplorerByAxis: {
    title: "Explorer : financements par axe",
    summary: "Les financements croisés d'une région et d'un département répartis par axe thématique (une ligne sur plusieurs axes compte dans chacun).",
    document: EXPLORER_BY_AXIS,
    variables: { region: "52", department: "85", year: 2021 },
  },
  ExplorerCoFunding: {
    title: "Explorer : qui cofinance avec qui",
    summary: "Les paires de financeurs qui financent une même structure ou un même dossier dans la région et dans chacun de ses départements, pour une année.",
    document: EXPLORER_CO_FUNDING,
    variables: { region: "52", year: 2021, first: 20 },
  },
};
