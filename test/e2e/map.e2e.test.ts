/**
 * The national map (public, no token) and the dossier and structure pages in headless Chromium:
 * the DSFR chart draws every department and the five overseas territories, a click on a territory
 * lists its projects with the figures the graph returns, the figures beside the map are the
 * graph's, a link reproduces the view, and axe-core finds no serious or critical violation on any
 * of the hub's pages. Fictitious fixture data.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { MaisonDecision } from "../../subgraphs/maisons/maison.entities";
import { DEPARTMENTS, REGIONS } from "../../subgraphs/domain/reference/cog";
import { buildDemoDataset } from "../../fixtures/demo/dataset";
import { REGION_DASHBOARD } from "../../gateway/graphiql";
import { CHART_REGION_KEYS } from "../../gateway/map/selection";
import { startTestHub, TestHub } from "../support/hub";
import { call, grant, laureate, maison, testSiret } from "../support/fixtures";
import { launchChromium } from "../support/browser";
import { seriousViolations } from "../support/axe";

const S1 = testSiret(1);
const S3 = testSiret(3);
const plain = (text: string | null) => (text ?? "").replace(/[\s\u202f\u00a0]+/g, " ").trim();
const euros = (amount: number) => plain(new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(amount));
const OVERSEAS = ["971", "972", "973", "974", "976"];

let hub: TestHub;
let browser: Browser;
let page: Page;
let origin: string;
const pageErrors: string[] = [];
const offOrigin: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({
    seed: async (s) => {
      // Pays de la Loire 2021: a joint call (dossier R1 funded by ARS, DREETS and the CAF of 44), a withdrawn laureate.
      const health = await call(s, "ars", {
        regionCode: "52",
        year: 2021,
        joint: true,
        axes: [Axis.SCREENING_CONTINUITY, Axis.PARENT_ISOLATION],
      });
      const social = await call(s, "dreets", { regionCode: "52", year: 2021, joint: true });
      await laureate(s, "ars", health, {
        siret: S1,
        amount: 60_000.1,
        departments: ["44", "49"],
        projectRef: "R1",
        title: "Parcours sans rupture autour de la naissance (fictif)",
        axes: [Axis.SCREENING_CONTINUITY],
      });
      await laureate(s, "ars", health, { siret: testSiret(2), amount: 45_000.05, departments: ["85"], status: GrantStatus.WITHDRAWN });
      await laureate(s, "dreets", social, {
        siret: S1,
        amount: 30_000.33,
        departments: ["44"],
        projectRef: "R1",
        axes: [Axis.PARENT_ISOLATION],
      });
      await grant(s, {
        departmentCode: "44",
        year: 2021,
        fund: FundingSource.CAF_FNP,
        siret: S1,
        amount: 5_000.5,
        axes: [Axis.PARENT_ISOLATION],
      });
      await grant(s, { departmentCode: "44", year: 2021, fund: FundingSource.CAF_REAAP, siret: S3, amount: 1_200 });
      // La Réunion: a labelled Maison.
      await maison(s, {
        territoryCode: "04",
        carriers: [S3],
        decision: MaisonDecision.LABELLED,
        criteria: {},
        budget: [{ year: 2021, source: FundingSource.FIR, amount: 10_000 }],
      });
    },
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

const loaded = (state: string) => page.waitForSelector(`body[data-loaded="${state}"]`, { timeout: 30_000 });
const rows = (selector: string) =>
  page.$$eval(selector, (trs) =>
    trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent.replace(/[\s\u202f\u00a0]+/g, " ").trim())),
  );

test("by department, the map draws every department and the five overseas territories", async () => {
  await page.goto(`${origin}/carte?niveau=departement&annee=2021&indicateur=laureats`);
  await loaded("dep-2021-laureats");
  await page.waitForSelector("#carte-france map-chart .FR-44");
  const drawn = await page.$$eval("#carte-france map-chart [class^='FR-']", (paths) =>
    paths.map((p) => (p.getAttribute("class") ?? "").split(/\s+/)[0].slice(3)),
  );
  for (const d of DEPARTMENTS) expect(drawn).toContain(d.code);
  for (const code of OVERSEAS) expect(drawn).toContain(code);
  // every territory is coloured (it has a value: 0 where nothing is recorded)
  const unfilled = await page.$$eval(
    "#carte-france map-chart [class^='FR-']",
    (paths) => paths.filter((p) => !p.getAttribute("fill")).length,
  );
  expect(unfilled).toBe(0);
  expect(await page.$$eval("#figures tbody tr", (trs) => trs.length)).toBe(DEPARTMENTS.length);
  // 44 counts R1's two laureates (ARS and DREETS), 49 the ARS one; 85's withdrawn laureate is not counted
  const table = Object.fromEntries((await rows("#figures tbody tr")).map((r) => [r[0], r[1]]));
  expect(table["Loire-Atlantique (44)"]).toBe("2");
  expect(table["Maine-et-Loire (49)"]).toBe("1");
  expect(table["Vendée (85)"]).toBe("0");
});

test("a click on a territory lists its projects with the figures the graph returns", async () => {
  await page.goto(`${origin}/carte?niveau=departement&annee=2021&indicateur=laureats`);
  await loaded("dep-2021-laureats");
  await page.click("#carte-france map-chart .FR-44");
  await page.waitForSelector('body[data-territory="44"]');
  const graph = (await hub.query(REGION_DASHBOARD, { region: "52", year: 2021 })).data.region;
  const expected: number[] = [];
  for (const c of [...graph.healthCalls, ...graph.socialCalls])
    for (const p of c.projects) if (p.departments.some((d: { code: string }) => d.code === "44")) expected.push(p.amount);
  for (const g of graph.departments.find((d: { code: string }) => d.code === "44").parentalityGrants) expected.push(g.amount);
  const shown = await page.$$eval("#projects .line-amount", (spans) =>
    spans.map((s) => s.textContent.replace(/[\s\u202f\u00a0]+/g, " ").trim()),
  );
  expect(shown.sort()).toEqual(expected.map(euros).sort());
  // R1 is one dossier with its two funders, linked to its page; its structure is linked to its own
  const r1 = await page.$eval('#projects li[data-ref="R1"]', (li) => li.textContent.replace(/[\s\u202f\u00a0]+/g, " "));
  expect(r1).toMatch(/FIR \(ARS\) : 60 000,10 € — Attribué/);
  expect(r1).toMatch(/P304 action 17 \(DREETS\) : 30 000,33 € — Attribué/);
  expect(await page.getAttribute('#projects li[data-ref="R1"] h3 a', "href")).toBe("/carte/dossier/R1");
  expect(await page.getAttribute('#projects li[data-ref="R1"] p a', "href")).toBe(`/carte/structure/${S1}`);
  expect(page.url()).toMatch(/territoire=44/);
});

test("by region, the cross-financing beside the map is the graph's number for every region", async () => {
  await page.goto(`${origin}/carte?niveau=region&annee=2021&indicateur=financements`);
  await loaded("reg-2021-financements");
  const table = Object.fromEntries((await rows("#figures tbody tr")).map((r) => [r[0], r[1]]));
  for (const region of REGIONS) {
    const financing = (await hub.query(REGION_DASHBOARD, { region: region.code, year: 2021 })).data.region.crossFinancing;
    expect([region.code, table[`${region.name} (${region.code})`]]).toEqual([
      region.code,
      financing.total === null ? expect.stringMatching(/^partiel/) : euros(financing.total),
    ]);
  }
  expect(table["Pays de la Loire (52)"]).toBe("96 200,93 €"); // 60 000,10 + 30 000,33 + 5 000,50 + 1 200 (the withdrawn 45 000,05 excluded)
  const drawn = await page.$$eval("#carte-france map-chart [class^='FR-']", (paths) =>
    paths.map((p) => (p.getAttribute("class") ?? "").split(/\s+/)[0].slice(3)),
  );
  for (const region of REGIONS) expect(drawn).toContain(CHART_REGION_KEYS[region.code]);
  expect(await page.$$eval("#carte-france map-chart [class^='FR-']", (paths) => paths.filter((p) => !p.getAttribute("fill")).length)).toBe(
    0,
  );
  // a click on the Pays de la Loire (FR-PDL in the chart) lists the region's projects
  await page.click("#carte-france map-chart .FR-PDL");
  await page.waitForSelector('body[data-territory="52"]');
});

test("filters by axis and funder; the view's link reproduces it", async () => {
  await page.goto(`${origin}/carte?niveau=region&annee=2021&indicateur=financements&territoire=52`);
  await loaded("reg-2021-financements");
  await page.waitForSelector('body[data-territory="52"]');
  await page.selectOption("#axe", Axis.PARENT_ISOLATION);
  await loaded("reg-2021-financements");
  await page.selectOption("#financeur", "CAF");
  await page.waitForFunction(() => location.search.includes("financeur=CAF"));
  const link = await page.getAttribute("#view-link", "href");
  // the territory of the view (Pays de la Loire) stays in its link
  expect(link).toBe(`/carte?niveau=region&annee=2021&indicateur=financements&axe=${Axis.PARENT_ISOLATION}&financeur=CAF&territoire=52`);
  const table = Object.fromEntries((await rows("#figures tbody tr")).map((r) => [r[0], r[1]]));
  expect(table["Pays de la Loire (52)"]).toBe("5 000,50 €"); // the CAF grant on that axis only
  await page.goto(`${origin}${link}`);
  await loaded("reg-2021-financements");
  expect(await page.inputValue("#axe")).toBe(Axis.PARENT_ISOLATION);
  expect(await page.inputValue("#financeur")).toBe("CAF");
  const again = Object.fromEntries((await rows("#figures tbody tr")).map((r) => [r[0], r[1]]));
  expect(again["Pays de la Loire (52)"]).toBe("5 000,50 €");
  await page.waitForSelector('body[data-territory="52"]');
  expect(
    await page.$$eval("#projects .line-amount", (spans) => spans.map((s) => s.textContent.replace(/[\s\u202f\u00a0]+/g, " ").trim())),
  ).toEqual(["5 000,50 €"]);
});

test("Maisons labelled: La Réunion counts its labelled Maison", async () => {
  await page.goto(`${origin}/carte?niveau=region&annee=2021&indicateur=maisons`);
  await loaded("reg-2021-maisons");
  const table = Object.fromEntries((await rows("#figures tbody tr")).map((r) => [r[0], r[1]]));
  expect(table["La Réunion (04)"]).toBe("1");
  expect(table["Mayotte (06)"]).toBe("0");
});

test("the dossier and structure pages show the graph's cross-financing", async () => {
  const project = (await hub.query("query($ref: ID!) { project(ref: $ref) { crossFinancing { total } } }", { ref: "R1" })).data.project;
  await page.goto(`${origin}/carte/dossier/R1`);
  await loaded("R1");
  expect(plain(await page.textContent("#total-financements"))).toBe(euros(project.crossFinancing.total));
  expect(await page.$$eval("#lines tbody tr", (trs) => trs.length)).toBe(2);
  const structure = (await hub.query("query($siret: ID!) { structure(siret: $siret) { crossFinancing { total } } }", { siret: S1 })).data
    .structure;
  await page.goto(`${origin}/carte/structure/${S1}`);
  await loaded(S1);
  expect(plain(await page.textContent("#total-financements"))).toBe(euros(structure.crossFinancing.total));
  expect(await page.$$eval("#lines tbody tr", (trs) => trs.length)).toBe(3);
});

test("axe-core finds no serious or critical violation on the map, the dashboard, a dossier and a structure", async () => {
  const pages: [string, string][] = [
    ["/carte?niveau=departement&annee=2021&indicateur=laureats&territoire=44", "dep-2021-laureats"],
    ["/carte?niveau=region&annee=2021&indicateur=financements", "reg-2021-financements"],
    ["/tableau-de-bord?region=52&annee=2021", "52-2021"],
    ["/carte/dossier/R1", "R1"],
    [`/carte/structure/${S1}`, S1],
  ];
  for (const [url, state] of pages) {
    await page.goto(origin + url);
    await loaded(state);
    expect([url, await seriousViolations(page)]).toEqual([url, []]);
  }
}, 120_000);

test("the pages reached the gateway only, with no error and no CSP violation", async () => {
  // what this test loads, and whatever the tests before it loaded
  for (const [url, state] of [
    ["/carte?niveau=departement&annee=2021&indicateur=laureats&territoire=44", "dep-2021-laureats"],
    ["/carte?niveau=region&annee=2021&indicateur=financements", "reg-2021-financements"],
    ["/carte/dossier/R1", "R1"],
  ]) {
    await page.goto(origin + url);
    await loaded(state);
  }
  expect(offOrigin).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a partial cross-financing (total null, issue #11) reads "partiel" on the map page, never 0', async () => {
  // one region's answer made partial in the browser (the dashboard's partial view, with a funder
  // really down, is tested in dashboard-partial.e2e.test.ts)
  const partialPage = await browser.newPage({ locale: "fr-FR" });
  await partialPage.route("**/graphql", async (route) => {
    const sent = route.request().postDataJSON();
    const response = await route.fetch();
    const body = await response.json();
    if (sent?.operationName === "RegionDashboard" && body.data?.region?.code === "52") body.data.region.crossFinancing.total = null;
    await route.fulfill({ response, json: body });
  });
  await partialPage.goto(`${origin}/carte?niveau=region&annee=2021&indicateur=financements`);
  await partialPage.waitForSelector('body[data-loaded="reg-2021-financements"]');
  const table = Object.fromEntries(
    (await partialPage.$$eval("#figures tbody tr", (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent.trim())))).map(
      (r) => [r[0], r[1]],
    ),
  );
  expect(table["Pays de la Loire (52)"]).toBe("partiel : au moins un financeur n'a pas répondu, le total n'est pas connu");
  await partialPage.close();
});

/** `MAP_SCREENSHOTS=docs npm run jest -- test/e2e/map` keeps the README's pictures (demo set). */
test("screenshots of the map (by laureates, by a funder family) on the fictitious demo set", async () => {
  const folder = process.env.MAP_SCREENSHOTS ? path.resolve(process.env.MAP_SCREENSHOTS) : fs.mkdtempSync(path.join(os.tmpdir(), "map-"));
  const demoHub = await startTestHub({ demo: buildDemoDataset() });
  try {
    const demoPage = await browser.newPage({ viewport: { width: 1366, height: 1100 }, locale: "fr-FR" });
    const demoOrigin = new URL(demoHub.gateway.url).origin;
    await demoPage.goto(`${demoOrigin}/carte?niveau=departement&annee=2021&indicateur=laureats&territoire=44`);
    await demoPage.waitForSelector('body[data-loaded="dep-2021-laureats"]', { timeout: 30_000 });
    await demoPage.waitForSelector("#carte-france map-chart .FR-44");
    await demoPage.waitForTimeout(500); // the shadow root's adopted sheets
    await demoPage.locator("#carte-france").scrollIntoViewIfNeeded();
    await demoPage.screenshot({ path: path.join(folder, "map.png"), fullPage: false });
    // coloured by one funder family (issue 15): the CAF's funds, by department
    await demoPage.goto(`${demoOrigin}/carte?niveau=departement&annee=2021&indicateur=financements&source=famille-caf`);
    await demoPage.waitForSelector('body[data-loaded="dep-2021-financements"][data-source="famille-caf"]', { timeout: 30_000 });
    await demoPage.waitForSelector("#carte-france map-chart .FR-44");
    await demoPage.waitForTimeout(500);
    await demoPage.locator("#carte-france").scrollIntoViewIfNeeded();
    await demoPage.screenshot({ path: path.join(folder, "map-sources.png"), fullPage: false });
    for (const name of ["map.png", "map-sources.png"])
      expect(fs.readFileSync(path.join(folder, name)).subarray(1, 4).toString()).toBe("PNG");
    await demoPage.close();
  } finally {
    await demoHub.stop();
    if (!process.env.MAP_SCREENSHOTS) fs.rmSync(folder, { recursive: true });
  }
}, 120_000);
