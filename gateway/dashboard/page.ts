/**
 * The dashboard's HTML: the controls rendered on the server (a usable form even before the script
 * runs), the page's configuration as inert JSON (reference data, French labels, the contract
 * operations it sends), and the sections the script fills.
 */
import { MAISONS_BOARD, REGION_DASHBOARD } from "../graphiql";
import { dashboardReference } from "./labels";
import { escapeHtml, pageEnd, pageStart } from "../dsfr/layout";

export const DASHBOARD_PATH = "/tableau-de-bord";

export interface DashboardSelection {
  region: string;
  year: number;
}

/** The region and year asked for in the query string, or the defaults when absent or unknown. */
export function readSelection(search: URLSearchParams): DashboardSelection {
  const reference = dashboardReference();
  const region = search.get("region") ?? "";
  const year = Number(search.get("annee"));
  return {
    region: reference.regions.some((r) => r.code === region) ? region : reference.defaultRegion,
    year: reference.years.includes(year) ? year : reference.defaultYear,
  };
}

export function renderDashboardPage(selection: DashboardSelection): string {
  const reference = dashboardReference();
  const config = {
    graphqlPath: "/graphql",
    exportsPath: "/exports",
    operations: { RegionDashboard: REGION_DASHBOARD, MaisonsBoard: MAISONS_BOARD },
    reference,
  };
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
  const regionOptions = reference.regions.map((r) => option(r.code, `${r.name} (${r.code})`, r.code === selection.region)).join("");
  const yearOptions = reference.years.map((y) => option(String(y), String(y), y === selection.year)).join("");
  const start = pageStart({
    title: "Tableau de bord des financements — 1000 premiers jours",
    serviceTitle: "1000 premiers jours — financements",
    serviceTagline: "Qui finance quoi, où : tableau de bord régional",
    styles: [`${DASHBOARD_PATH}/style.css`],
    scripts: [`${DASHBOARD_PATH}/app.js`],
    config: { id: "dashboard-config", value: config },
    navigation: [
      { href: "/carte", text: "Carte nationale" },
      { href: DASHBOARD_PATH, text: "Tableau de bord régional", current: true },
      { href: "/graphql", text: "Explorer le graphe (GraphiQL)" },
      { href: `/exports/laureats.csv?annee=${selection.year}`, text: `Lauréats ${selection.year} (CSV)`, id: "export-laureates" },
    ],
  });
  return `${start}<main id="contenu" tabindex="-1" class="fr-container fr-pb-6w">
  <h1 class="fr-mt-4w">Qui finance quoi, où : tableau de bord régional</h1>
  <form id="filters" class="filters" method="get" action="${DASHBOARD_PATH}">
    <div class="fr-select-group">
      <label class="fr-label" for="region">Région</label>
      <select class="fr-select" id="region" name="region">${regionOptions}</select>
    </div>
    <div class="fr-select-group">
      <label class="fr-label" for="annee">Année</label>
      <select class="fr-select" id="annee" name="annee">${yearOptions}</select>
    </div>
    <button class="fr-btn" type="submit">Afficher</button>
  </form>
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div id="error" class="fr-alert fr-alert--error fr-alert--sm" role="alert" hidden></div>
  <div id="partial" class="fr-alert fr-alert--warning fr-alert--sm" role="alert" hidden></div>
  <noscript><p class="fr-alert fr-alert--warning fr-alert--sm">Ce tableau de bord a besoin de JavaScript pour interroger le graphe. Les données restent accessibles dans GraphiQL et dans les exports CSV.</p></noscript>

  <section id="financements" aria-labelledby="financements-titre">
    <h2 id="financements-titre">Financements croisés de la région</h2>
    <p class="total">Total, toutes sources : <strong id="total-financements">—</strong></p>
    <figure class="chart">
      <div id="chart"></div>
      <figcaption id="chart-caption">Répartition par source de financement (montants attribués, évalués ou reconduits ; budgets des Maisons labellisées).</figcaption>
    </figure>
    <div id="sources"></div>
  </section>

  <section id="appels" aria-labelledby="appels-titre">
    <h2 id="appels-titre">Appels à projets et lauréats</h2>
    <div id="calls"></div>
  </section>

  <section id="caf" aria-labelledby="caf-titre">
    <h2 id="caf-titre">Subventions des CAF par département</h2>
    <p class="total">Total des subventions CAF de la région : <strong id="total-caf">—</strong></p>
    <div id="caf-departments"></div>
  </section>

  <section id="maisons" aria-labelledby="maisons-titre">
    <h2 id="maisons-titre">Maisons des 1000 premiers jours (outre-mer)</h2>
    <p>Tableau de labellisation du comité national : territoires, étape, grille de l'annexe 2 et budgets prévisionnels 2024-2025.</p>
    <div id="maisons-board"></div>
  </section>
</main>
${pageEnd()}`;
}
