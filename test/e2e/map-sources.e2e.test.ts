/**
 * The map coloured by one funding source or one funder family (issue 15), in headless Chromium:
 * the figures beside the map are the graph's `crossFinancing.bySource` summed for the chosen
 * sources (RegionDashboard by region, MapDepartmentFinancing by department), the URL and the form
 * reproduce the view, a partial figure reads « partiel », the territory's CSV link carries the
 * view's filters, and axe-core finds no serious or critical violation. Fictitious fixture data.
 */
import type { Browser, Page } from "playwright-core";
import { Axis, FundingSource } from "../../subgraphs/domain/enums";
import { DEPARTMENTS, REGIONS } from "../../subgraphs/domain/reference/cog";
import { REGION_DASHBOARD } from "../../gateway/graphiql";
import { MAP_DEPARTMENT_FINANCING, sourcesOfChoice } from "../../gateway/map/sources";
import { startTestHub, TestHub } from "../support/hub";
import { seedMapSources } from "../support/map-sources-fixture";
import { launchChromium } from "../support/browser";
import { seriousViolations } from "../support/axe";

const YEAR = 2023;
const plain = (text: string | null) => (text ?? "").replace(/[\s\u202f\u00a0]+/g, " ").trim();
const euros = (amount: number) => plain(new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(amount));
type Financing = { total: number | null; bySource: { source: string; amount: number }[] };
/** The test's own sum of the graph's bySource, in cents, for a choice ("" = the total). */
const expectedText = (financing: Financing, choice: string) => {
  if (financing.total === null) return expect.stringMatching(/^partiel/);
  const wanted = sourcesOfChoice(choice);
  if (wanted.length === 0) return euros(financing.total);
  return euros(financing.bySource.filter((l) => wanted.includes(l.source)).reduce((sum, l) => sum + Math.round(l.amount * 100), 0) / 100);
};

let hub: TestHub;
let browser: Browser;
let page: Page;
let origin: string;
const pageErrors: string[] = [];
const offOrigin: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({
    seed: (s) => seedMapSources(s, YEAR),
  });
  origin = new URL(hub.gateway.url).origin;
  page = await browser.newPage({ viewport: { width: 1366, height: 1000 }, locale: "fr-FR" });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (hub as TestHub | undefined)?.stop();
});

const drawn = (state: string, source: string) =>
  page.waitForSelector(`body[data-loaded="${state}"][data-source="${source}"]`, { timeout: 30_000 });
const figures = async (p: Page = page) =>
  Object.fromEntries(
    (await p.$$eval("#figures tbody tr", (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)))).map((r) => [
      plain(r[0]),
      plain(r[1]),
    ]),
  );
const regionFinancing = async (): Promise<Record<string, Financing>> => {
  const all: Record<string, Financing> = {};
  for (const r of REGIONS) all[r.code] = (await hub.query(REGION_DASHBOARD, { region: r.code, year: YEAR })).data.region.crossFinancing;
  return all;
};

test("by region, a family and a source: the graph's bySource sums, hand-checked", async () => {
  await page.goto(`${origin}/carte?niveau=region&annee=${YEAR}&indicateur=financements`);
  await drawn(`reg-${YEAR}-financements`, "toutes");
  const graph = await regionFinancing();
  await page.selectOption("#source", "famille-caf");
  await drawn(`reg-${YEAR}-financements`, "famille-caf");
  let table = await figures();
  for (const r of REGIONS) expect([r.code, table[`${r.name} (${r.code})`]]).toEqual([r.code, expectedText(graph[r.code], "famille-caf")]);
  expect(table["Pays de la Loire (52)"]).toBe("5 200,75 €"); // 3 000,50 + 700 + 1 500,25
  expect(table["Occitanie (76)"]).toBe("2 222,22 €");
  expect(table["Bretagne (53)"]).toBe("0,00 €");
  // what is coloured, said by the legend, the chart and the table
  const legend = "Financements croisés : CAF — FNP, REAAP, LAEP, FPT, FIPE";
  expect(plain(await page.textContent("#map-note"))).toMatch(new RegExp(`^Couleurs de la carte : ${legend}, ${YEAR}\\.`));
  expect(await page.getAttribute("#carte-france map-chart", "name")).toBe(legend);
  expect(plain(await page.textContent("#figures caption"))).toBe(`${legend}, par région, ${YEAR}`);
  expect(page.url()).toContain("&source=famille-caf");

  await page.selectOption("#source", FundingSource.FIR);
  await drawn(`reg-${YEAR}-financements`, "FIR");
  table = await figures();
  for (const r of REGIONS) expect([r.code, table[`${r.name} (${r.code})`]]).toEqual([r.code, expectedText(graph[r.code], "FIR")]);
  expect(table["Pays de la Loire (52)"]).toBe("40 000,10 €");
  await page.selectOption("#source", "famille-autres");
  await drawn(`reg-${YEAR}-financements`, "famille-autres");
  expect((await figures())["La Réunion (04)"]).toBe("6 000,00 €");
  // every source: the graph's total (forecasts and departmental credits included)
  await page.selectOption("#source", "");
  await drawn(`reg-${YEAR}-financements`, "toutes");
  expect((await figures())["Pays de la Loire (52)"]).toBe("65 546,52 €"); // 40 000,10 + 12 345,67 + 5 200,75 + 8 000
});

test("by department, from the graph's departments { crossFinancing }: a project over two departments counts its share", async () => {
  const graph: Record<string, Financing> = Object.fromEntries(
    (await hub.query(MAP_DEPARTMENT_FINANCING, { year: YEAR })).data.departments.map((d: { code: string; crossFinancing: Financing }) => [
      d.code,
      d.crossFinancing,
    ]),
  );
  await page.goto(`${origin}/carte?niveau=departement&annee=${YEAR}&indicateur=financements&source=famille-caf`);
  await drawn(`dep-${YEAR}-financements`, "famille-caf");
  let table = await figures();
  expect(Object.keys(table)).toHaveLength(DEPARTMENTS.length);
  for (const d of DEPARTMENTS)
    expect([d.code, table[`${d.name} (${d.code})`]]).toEqual([d.code, expectedText(graph[d.code], "famille-caf")]);
  expect(table["Loire-Atlantique (44)"]).toBe("3 700,50 €");
  expect(table["Maine-et-Loire (49)"]).toBe("1 500,25 €");
  expect(table["Haute-Garonne (31)"]).toBe("2 222,22 €");
  await page.selectOption("#source", "famille-ars");
  await drawn(`dep-${YEAR}-financements`, "famille-ars");
  table = await figures();
  for (const d of DEPARTMENTS)
    expect([d.code, table[`${d.name} (${d.code})`]]).toEqual([d.code, expectedText(graph[d.code], "famille-ars")]);
  expect([table["Loire-Atlantique (44)"], table["Maine-et-Loire (49)"]]).toEqual(["20 000,05 €", "20 000,05 €"]); // 40 000,10 shared
  await page.selectOption("#source", "famille-departements");
  await drawn(`dep-${YEAR}-financements`, "famille-departements");
  table = await figures();
  expect([table["Loire-Atlantique (44)"], table["Hérault (34)"]]).toEqual(["8 000,00 €", "999,99 €"]);
  // the map colours what the table says: a department with a figure is filled
  expect(await page.getAttribute("#carte-france map-chart .FR-34", "fill")).toBeTruthy();
});

test("the view's link and the form reproduce the view; the territory's CSV link carries its filters", async () => {
  await page.goto(`${origin}/carte?niveau=departement&annee=${YEAR}&indicateur=financements&source=famille-caf`);
  await drawn(`dep-${YEAR}-financements`, "famille-caf");
  await page.click("#carte-france map-chart .FR-44");
  await page.waitForSelector('body[data-territory="44"]');
  expect(await page.getAttribute("#projects-csv", "href")).toBe(`/exports/laureats.csv?annee=${YEAR}&departement=44`);
  expect(plain(await page.textContent("#projects-csv"))).toBe("Télécharger la liste (CSV)");
  const link = await page.getAttribute("#view-link", "href");
  expect(link).toBe(`/carte?niveau=departement&annee=${YEAR}&indicateur=financements&source=famille-caf&territoire=44`);
  await page.goto(origin + link!);
  await drawn(`dep-${YEAR}-financements`, "famille-caf");
  expect(await page.inputValue("#source")).toBe("famille-caf");
  expect((await figures())["Loire-Atlantique (44)"]).toBe("3 700,50 €");
  await page.waitForSelector('body[data-territory="44"]');
  // an axis filter goes into the CSV link; by region, the region's code
  await page.selectOption("#axe", Axis.PARENT_ISOLATION);
  await page.waitForFunction(() => location.search.includes("axe=PARENT_ISOLATION"));
  expect(await page.getAttribute("#projects-csv", "href")).toBe(
    `/exports/laureats.csv?annee=${YEAR}&departement=44&axes=${Axis.PARENT_ISOLATION}`,
  );
  await page.goto(`${origin}/carte?niveau=region&annee=${YEAR}&indicateur=laureats&axe=${Axis.SCREENING_CONTINUITY}&territoire=52`);
  await page.waitForSelector('body[data-territory="52"]');
  expect(await page.getAttribute("#projects-csv", "href")).toBe(
    `/exports/laureats.csv?annee=${YEAR}&region=52&axes=${Axis.SCREENING_CONTINUITY}`,
  );
});

test("with a funder filter, a family the listed lines cannot carry has no figure instead of 0; a CAF fund adds the kept grants", async () => {
  await page.goto(`${origin}/carte?niveau=region&annee=${YEAR}&indicateur=financements&source=famille-departements&financeur=CAF`);
  await drawn(`reg-${YEAR}-financements`, "famille-departements");
  expect((await figures())["Pays de la Loire (52)"]).toBe("sans objet avec un filtre par axe ou par financeur");
  await page.selectOption("#source", FundingSource.CAF_LAEP);
  await drawn(`reg-${YEAR}-financements`, FundingSource.CAF_LAEP);
  expect((await figures())["Pays de la Loire (52)"]).toBe("1 500,25 €");
});

test("before the script runs, the form alone chooses the source (a plain GET of the map)", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const plainPage = await context.newPage();
  await plainPage.goto(`${origin}/carte?niveau=region&annee=${YEAR}`);
  await plainPage.getByLabel(/^Sources/).selectOption("famille-dreets");
  await plainPage.click("#filters button[type=submit]");
  await plainPage.waitForURL(/source=famille-dreets/);
  expect(await plainPage.inputValue("#source")).toBe("famille-dreets");
  await context.close();
});

test("a partial figure (total null) stays « partiel » for any source, by region and by department, never 0", async () => {
  const partialPage = await browser.newPage({ locale: "fr-FR" });
  await partialPage.route("**/graphql", async (route) => {
    const sent = route.request().postDataJSON();
    const response = await route.fetch();
    const body = await response.json();
    if (sent?.operationName === "RegionDashboard" && body.data?.region?.code === "52") body.data.region.crossFinancing.total = null;
    if (sent?.operationName === "MapDepartmentFinancing")
      body.data.departments.find((d: { code: string }) => d.code === "44").crossFinancing.total = null;
    await route.fulfill({ response, json: body });
  });
  for (const level of ["region", "departement"]) {
    await partialPage.goto(`${origin}/carte?niveau=${level}&annee=${YEAR}&indicateur=financements&source=famille-caf`);
    await partialPage.waitForSelector(`body[data-loaded="${level.slice(0, 3)}-${YEAR}-financements"]`);
    const table = await figures(partialPage);
    expect(table[level === "region" ? "Pays de la Loire (52)" : "Loire-Atlantique (44)"]).toMatch(
      /^partiel : au moins un financeur n'a pas répondu/,
    );
    expect(table[level === "region" ? "Occitanie (76)" : "Maine-et-Loire (49)"]).toMatch(/ €$/);
  }
  await partialPage.close();
});

test("axe-core finds no serious or critical violation with a source chosen and a territory's list", async () => {
  await page.goto(`${origin}/carte?niveau=departement&annee=${YEAR}&indicateur=financements&source=famille-caf&territoire=44`);
  await drawn(`dep-${YEAR}-financements`, "famille-caf");
  await page.waitForSelector("#projects-csv");
  expect(await seriousViolations(page)).toEqual([]);
}, 60_000);

test("the pages reached the gateway only, with no error and no CSP violation", () => {
  expect(offOrigin).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("MapDepartmentFinancing: the 101 departments cost each subgraph a fixed number of calls and SQL statements", async () => {
  const token = await hub.auth.token("national"); // an authenticated read is not served from the response cache
  const costs: Record<string, { requests: number; sqlStatements: number }>[] = [];
  for (const year of [YEAR, 2021]) {
    // with lines, and a year without any
    costs.push(
      await hub.measure(async () => {
        const answer = await hub.query(MAP_DEPARTMENT_FINANCING, { year }, "MapDepartmentFinancing", token);
        expect(answer.errors).toBeUndefined();
        expect(answer.data.departments).toHaveLength(DEPARTMENTS.length);
      }),
    );
  }
  if (process.env.SHOW_COSTS) console.log(JSON.stringify(costs));
  expect(costs[0]).toEqual(costs[1]);
  // the hub twice (the departments, then their figures from the funders' lines), each funder once: one statement per call
  const once = { requests: 1, sqlStatements: 1 };
  expect(costs[0]).toEqual({
    hub: { requests: 2, sqlStatements: 2 },
    ars: once,
    dreets: once,
    caf: once,
    maisons: once,
    departements: once,
  });
});
