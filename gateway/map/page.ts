/**
 * The national map of the 1000 premiers jours projects (public, no token) and the pages of a
 * project's dossier and of a structure. Rendered here: the frame, the controls (a usable form
 * before the script runs) and the configuration as inert JSON; the browser asks the graph through
 * the contract's operations (RegionDashboard per region, MaisonsBoard, CoFinancedProject,
 * StructureFinancing), unchanged, and one query of its own for the departments' cross-financing
 * (MapDepartmentFinancing, sources.ts), and draws the DSFR chart `map-chart` from what they return.
 */
import { CO_FINANCED_PROJECT, MAISONS_BOARD, REGION_DASHBOARD, STRUCTURE_FINANCING } from "../graphiql";
import { DASHBOARD_PATH } from "../dashboard/page";
import { DSFR_CHART_PATH } from "../dsfr/routes";
import { escapeHtml, PageLink, pageEnd, pageStart } from "../dsfr/layout";
import { EXPORTS_PATH } from "../exports/routes";
import { MAP_DEPARTMENT_FINANCING, SOURCE_CHOICE_GROUPS } from "./sources";
import { MAP_FIGURES, MAP_FUNDERS, mapReference, MapSelection } from "./selection";

export const MAP_PATH = "/carte";
export const PROJECT_PATH = "/carte/dossier";
export const STRUCTURE_PATH = "/carte/structure";
/** The laureates' CSV; the map's link adds the view's `annee`, `region` or `departement`, `axes`. */
export const LAUREATES_CSV_PATH = `${EXPORTS_PATH}/laureats.csv`;

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;

const navigation = (current: string): PageLink[] => [
  { href: MAP_PATH, text: "Carte nationale", current: current === MAP_PATH },
  { href: DASHBOARD_PATH, text: "Tableau de bord régional" },
  { href: "/graphql", text: "Explorer le graphe (GraphiQL)" },
];

const frame = (title: string, current: string, config: unknown) =>
  pageStart({
    title,
    serviceTitle: "1000 premiers jours — financements",
    serviceTagline: "La carte des projets des 1000 premiers jours",
    styles: [`${DSFR_CHART_PATH}/MapChart/MapChart.css`, `${MAP_PATH}/map.css`],
    scripts: [`${MAP_PATH}/sources.js`, `${MAP_PATH}/map-data.js`, `${MAP_PATH}/pages.js`],
    modules: [`${DSFR_CHART_PATH}/MapChart/MapChart.js`],
    config: { id: "map-config", value: config },
    navigation: navigation(current),
  });

const operations = {
  RegionDashboard: REGION_DASHBOARD,
  MaisonsBoard: MAISONS_BOARD,
  CoFinancedProject: CO_FINANCED_PROJECT,
  StructureFinancing: STRUCTURE_FINANCING,
  MapDepartmentFinancing: MAP_DEPARTMENT_FINANCING,
};

const sourceOptions = (selected: string) =>
  option("", "Toutes sources", selected === "") +
  SOURCE_CHOICE_GROUPS.map(
    (group) =>
      `<optgroup label="${escapeHtml(group.label)}">${group.options.map((o) => option(o.value, o.label, o.value === selected)).join("")}</optgroup>`,
  ).join("");

export function renderMapPage(selection: MapSelection): string {
  const reference = mapReference();
  const config = {
    page: "map",
    chartStyles: ["/dsfr/dsfr.min.css", `${DSFR_CHART_PATH}/MapChart/MapChart.css`],
    graphqlPath: "/graphql",
    paths: { map: MAP_PATH, project: PROJECT_PATH, structure: STRUCTURE_PATH, exports: LAUREATES_CSV_PATH },
    operations,
    reference,
    selection,
  };
  const select = (id: string, name: string, label: string, options: string) =>
    `<div class="fr-select-group"><label class="fr-label" for="${id}">${label}</label><select class="fr-select" id="${id}" name="${name}">${options}</select></div>`;
  const controls = [
    select(
      "niveau",
      "niveau",
      "Découpage",
      option("region", "Par région", selection.level === "reg") + option("departement", "Par département", selection.level === "dep"),
    ),
    select("annee", "annee", "Année", reference.years.map((y) => option(String(y), String(y), y === selection.year)).join("")),
    select(
      "indicateur",
      "indicateur",
      "Indicateur",
      Object.entries(MAP_FIGURES)
        .map(([k, v]) => option(k, v, k === selection.figure))
        .join(""),
    ),
    select(
      "source",
      "source",
      `Sources<span class="fr-hint-text">Pour l'indicateur « Financements croisés »</span>`,
      sourceOptions(selection.source),
    ),
    select(
      "axe",
      "axe",
      "Axe",
      option("", "Tous les axes", selection.axis === "") +
        reference.axes.map((a) => option(a.code, `Axe ${a.number} : ${a.label}`, a.code === selection.axis)).join(""),
    ),
    select(
      "financeur",
      "financeur",
      "Financeur",
      option("", "Tous les financeurs", selection.funder === "") +
        Object.entries(MAP_FUNDERS)
          .map(([k, v]) => option(k, v.label, k === selection.funder))
          .join(""),
    ),
  ].join("\n    ");
  return `${frame("Carte nationale des projets — 1000 premiers jours", MAP_PATH, config)}<main id="contenu" tabindex="-1" class="fr-container fr-pb-6w">
  <h1 class="fr-mt-4w">La carte des projets des 1000 premiers jours</h1>
  <p>Les territoires des projets lauréats des appels à projets régionaux (ARS, DREETS), des subventions des CAF et des Maisons des 1000 premiers jours d'outre-mer. Choisissez un territoire sur la carte ou dans le tableau pour lire ses projets.</p>
  <form id="filters" class="filters" method="get" action="${MAP_PATH}">
    ${controls}
    <button class="fr-btn" type="submit">Afficher</button>
  </form>
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div id="error" class="fr-alert fr-alert--error fr-alert--sm" role="alert" hidden></div>
  <noscript><p class="fr-alert fr-alert--warning fr-alert--sm">La carte a besoin de JavaScript pour interroger le graphe. Les données restent accessibles dans GraphiQL et dans les exports CSV.</p></noscript>
  <p><a class="fr-link" id="view-link" href="#">Lien vers cette vue</a></p>
  <div class="fr-grid-row fr-grid-row--gutters">
    <section class="fr-col-12 fr-col-lg-7" aria-labelledby="carte-titre">
      <h2 id="carte-titre">Carte</h2>
      <p id="map-note" class="fr-text--sm"></p>
      <div id="carte-france" aria-hidden="true"></div>
    </section>
    <section class="fr-col-12 fr-col-lg-5" aria-labelledby="tableau-titre">
      <h2 id="tableau-titre">Les mêmes chiffres, par territoire</h2>
      <div id="figures"></div>
    </section>
  </div>
  <section id="projets" aria-labelledby="projets-titre" tabindex="-1">
    <h2 id="projets-titre">Projets du territoire</h2>
    <div id="projects"><p>Choisissez un territoire.</p></div>
  </section>
</main>
${pageEnd()}`;
}

export function renderDossierPage(kind: "project" | "structure", key: string): string {
  const reference = mapReference();
  const config = {
    page: kind,
    key,
    graphqlPath: "/graphql",
    paths: { map: MAP_PATH, project: PROJECT_PATH, structure: STRUCTURE_PATH },
    operations,
    reference,
  };
  const title = kind === "project" ? `Dossier ${key}` : `Structure ${key}`;
  return `${frame(`${title} — 1000 premiers jours`, "", config)}<main id="contenu" tabindex="-1" class="fr-container fr-pb-6w">
  <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
    <ol class="fr-breadcrumb__list">
      <li><a class="fr-breadcrumb__link" href="${MAP_PATH}">Carte nationale</a></li>
      <li><a class="fr-breadcrumb__link" aria-current="page">${escapeHtml(title)}</a></li>
    </ol>
  </nav>
  <h1 id="titre">${escapeHtml(title)}</h1>
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div id="error" class="fr-alert fr-alert--error fr-alert--sm" role="alert" hidden></div>
  <section aria-labelledby="financements-titre">
    <h2 id="financements-titre">Financements croisés</h2>
    <p class="total">Total, toutes sources : <strong id="total-financements">—</strong></p>
    <div id="sources"></div>
  </section>
  <section aria-labelledby="lignes-titre">
    <h2 id="lignes-titre">Ce que chaque financeur finance</h2>
    <div id="lines"></div>
  </section>
</main>
${pageEnd()}`;
}
