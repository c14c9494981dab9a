/** The query GraphiQL opens with: the regional dashboard of the public contract. */
export const GRAPHIQL_DEFAULT_QUERY = `# Graphe des financements des 1000 premiers jours.
# Tableau de bord régional : les deux volets de l'appel à projets, les subventions des CAF
# et les financements croisés de la région pour une année. Variables : {"region": "52", "year": 2021}
query RegionDashboard($region: ID! = "52", $year: Int! = 2021) {
  region(code: $region) {
    code
    name
    healthCalls(year: $year) { id title envelope awarded minimumAward projects { title amount structure { siret name } } }
    socialCalls(year: $year) { id title envelope awarded minimumAward }
    departments { code name parentalityGrants(year: $year) { fund amount structure { name } } }
    crossFinancing(year: $year) { total bySource { source amount } funders }
  }
}
`;
