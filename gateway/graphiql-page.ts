/**
 * GraphiQL's page: Yoga's locally bundled GraphiQL, with its editors seeded from the tabs.
 *
 * Why: GraphiQL 5 (bundled in @graphql-yoga/render-graphiql 5.24) opens its editors with
 * `initialQuery ?? storage.query ?? firstTab.query` but `initialVariables ?? storage.variables`,
 * with no fallback to the first tab's variables; and on a reload it looks for the tab whose
 * query|variables|headers equal the stored editor contents, adding an "<untitled>" tab when none
 * does (the editors' variables and headers are never stored, only the query). So a fresh browser
 * runs RegionDashboard without `$region`, and every reload adds a tab. Passing Yoga's `variables`
 * option would override every tab's variables on each reload; instead, before GraphiQL starts,
 * a small script writes the active tab (or, on a first visit, the first default tab) into the
 * storage keys GraphiQL reads its editors from. The page test (test/e2e/graphiql.e2e.test.ts)
 * fails if a GraphiQL update changes this.
 */
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

type GraphiQLOptions = Parameters<typeof renderGraphiQL>[0];

/** Where Yoga's page starts GraphiQL: the seeding script runs just before. */
const START_CALL = "YogaGraphiQL.renderYogaGraphiQL(";

/** Runs in the browser (plain ES5, no helper): `first` is the first default tab. */
const SEED_EDITORS = `(function (first) {
  try {
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem("graphiql:tabState") || "null"); } catch (e) { stored = null; }
    var tab = stored && Array.isArray(stored.tabs) && stored.tabs[stored.activeTabIndex] || first;
    var put = function (key, value) {
      if (typeof value === "string" && value !== "") localStorage.setItem("graphiql:" + key, value);
      else localStorage.removeItem("graphiql:" + key);
    };
    put("query", tab.query);
    put("variables", tab.variables);
    put("headers", tab.headers);
  } catch (e) { /* no local storage (private mode): GraphiQL opens its defaults */ }
})`;

export function renderHubGraphiQL(options: GraphiQLOptions): string {
  const html = renderGraphiQL(options);
  if (!html.includes(START_CALL))
    throw new Error("GraphiQL : la page de @graphql-yoga/render-graphiql a changé (appel de démarrage introuvable).");
  const first = options?.defaultTabs?.[0] ?? { query: options?.defaultQuery ?? "", variables: "" };
  const seed = `${SEED_EDITORS}(${JSON.stringify(first).replace(/</g, "\\u003c")});\n        `;
  return html.replace(START_CALL, () => seed + START_CALL);
}
