/**
 * The dashboard page in a real browser (Debian's headless Chromium, driven by playwright-core):
 * it loads from the gateway, switches region and year, and shows the totals computed here by hand
 * from the fixture. It reaches nothing but the gateway, and sends only the contract's operations,
 * unchanged.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, print } from "graphql";
import type { Browser, Page } from "playwright-core";
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { MaisonDecision } from "../../subgraphs/maisons/maison.entities";
import { LABELLING_CRITERIA } from "../../subgraphs/domain/reference/labelling-criteria";
import { buildDemoDataset } from "../../fixtures/demo/dataset";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { call, grant, laureate, maison, testSiret } from "../support/fixtures";
import { launchChromium } from "../support/browser";

const S1 = testSiret(1);
const S3 = testSiret(3);
const S4 = testSiret(4);

/** French number formats use narrow no-break spaces: compare with plain spaces. */
const plain = (text: string | null) => (text ?? "").replace(/[\s\u202f\u00a0]+/g, " ").trim();

let hub: TestHub;
let browser: Browser;
let page: Page;
const offOrigin: string[] = [];
const graphqlCalls: { operationName: string; query: string }[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({
    seed: async (s) => {
      // Pays de la Loire 2021: a joint call, one withdrawn laureate, CAF grants in 44 (and 49 in 2022).
      const health = await call(s, "ars", {
        regionCode: "52",
        year: 2021,
        joint: true,
        axes: [Axis.SCREENING_CONTINUITY, Axis.PARENT_ISOLATION],
        title: "1000 premiers jours en Pays de la Loire : santé du jeune enfant",
      });
      const social = await call(s, "dreets", { regionCode: "52", year: 2021, joint: true });
      await laureate(s, "ars", health, {
        siret: S1,
        amount: 60_000.1,
        departments: ["44", "49"],
        projectRef: "R1",
        title: "Parcours sans rupture autour de la naissance",
      });
      await laureate(s, "ars", health, { siret: testSiret(2), amount: 45_000.05, departments: ["85"], status: GrantStatus.WITHDRAWN });
      await laureate(s, "ars", health, {
        siret: S1,
        amount: 50_000,
        departments: ["49"],
        status: GrantStatus.EVALUATED,
        title: "Ateliers nutrition et sommeil",
      });
      await laureate(s, "dreets", social, { siret: S1, amount: 30_000.33, departments: ["44"], projectRef: "R1" });
      await grant(s, {
        departmentCode: "44",
        year: 2021,
        fund: FundingSource.CAF_FNP,
        siret: S1,
        amount: 5_000.5,
        axes: [Axis.PARENT_ISOLATION],
      });
      await grant(s, { departmentCode: "44", year: 2021, fund: FundingSource.CAF_REAAP, siret: S3, amount: 1_200 });
      await grant(s, { departmentCode: "49", year: 2022, fund: FundingSource.CAF_LAEP, siret: S1, amount: 999.99 });
      // Bretagne 2021: an ARS laureate and a FIPE grant in Ille-et-Vilaine.
      const breton = await call(s, "ars", { regionCode: "53", year: 2021 });
      await laureate(s, "ars", breton, { siret: S4, amount: 70_000, departments: ["35"] });
      await grant(s, { departmentCode: "35", year: 2021, fund: FundingSource.FIPE, siret: S4, amount: 2_500.25 });
      // Overseas: a labelled Maison in La Réunion (its budget counts), a pending one in Mayotte (it does not).
      const allMet = Object.fromEntries(LABELLING_CRITERIA.map((c) => [c.code, true]));
      await maison(s, {
        territoryCode: "04",
        carriers: [S3, S4],
        decision: MaisonDecision.LABELLED,
        criteria: allMet,
        budget: [
          { year: 2024, source: FundingSource.FIR, amount: 200_000 },
          { year: 2025, source: FundingSource.DEPARTMENT, amount: 80_000.4 },
        ],
      });
      await maison(s, {
        territoryCode: "06",
        carriers: [S3],
        decision: MaisonDecision.PENDING,
        criteria: { OBJECTIVES_ONE_PLACE: true, VALUE_FATHERS: false },
        budget: [{ year: 2024, source: FundingSource.FIR, amount: 150_000 }],
      });
    },
  });
  const origin = new URL(hub.gateway.url).origin;
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "fr-FR" });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/graphql") graphqlCalls.push(request.postDataJSON());
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

const dashboardUrl = (query = "") => `${new URL(hub.gateway.url).origin}/tableau-de-bord${query}`;
const loaded = (region: string, year: number) => page.waitForSelector(`body[data-loaded="${region}-${year}"]`);
const textOf = async (selector: string) => plain(await page.textContent(selector));
const rows = (selector: string) =>
  page.$$eval(selector, (trs) =>
    trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent.replace(/[\s\u202f\u00a0]+/g, " ").trim())),
  );
/** Each test opens the view it starts from: none relies on the page another test left. */
const open = async (query = "", region = "52", year = 2021) => {
  await page.goto(dashboardUrl(query));
  await loaded(region, year);
};

test("loads Pays de la Loire 2021 by default: cross-financing by source, both halves of the joint call, CAF grants", async () => {
  await open();
  expect(await page.getAttribute("html", "lang")).toBe("fr");
  expect(await textOf("#status")).toBe("Données de Pays de la Loire pour 2021 affichées.");
  // 60 000,10 + 50 000 (FIR, the withdrawn 45 000,05 excluded) + 30 000,33 (P304) + 5 000,50 + 1 200 (CAF)
  expect(await textOf("#total-financements")).toBe("146 200,93 €");
  expect(await rows("#sources tbody tr")).toEqual([
    ["FIR (ARS)", "75,2 %", "110 000,10 €"],
    ["P304 action 17 (DREETS)", "20,5 %", "30 000,33 €"],
    ["CAF – Fonds national parentalité", "3,4 %", "5 000,50 €"],
    ["CAF – REAAP", "0,8 %", "1 200,00 €"],
  ]);
  expect(await textOf("#sources tfoot td")).toBe("146 200,93 €");
  expect(await page.$$eval("#chart svg rect", (bars) => bars.length)).toBe(4);
  expect(plain(await page.textContent("#chart svg title"))).toBe("Financements croisés par source, Pays de la Loire, 2021");
  expect(await textOf("#calls-sante .call-awarded")).toBe("110 000,10 €");
  expect(await textOf("#calls-social .call-awarded")).toBe("30 000,33 €");
  expect(await page.$$eval("#calls-sante tbody tr", (trs) => trs.length)).toBe(3);
  expect(await textOf("#calls-sante tbody tr:nth-child(2)")).toMatch(/Retiré/);
  expect(await textOf("#total-caf")).toBe("6 200,50 €");
  expect(await textOf("#caf-44 .department-total")).toBe("6 200,50 €");
  expect(await textOf("#caf-49")).toMatch(/Aucune subvention de la CAF enregistrée en 2021/);
});

test("shows the overseas Maisons board: territories, stage, annex-2 grid and budgets", async () => {
  await open();
  expect(await page.$$eval("#maisons-board .territory h3", (hs) => hs.map((h) => h.textContent))).toEqual([
    "Guadeloupe",
    "Martinique",
    "Guyane",
    "La Réunion",
    "Mayotte",
  ]);
  expect(await textOf("#territoire-04 .flag")).toBe("Au moins un projet labellisé");
  expect(await textOf("#territoire-04 .decision")).toBe("Labellisé");
  expect(await textOf("#territoire-04 .maison-budget")).toBe("280 000,40 €");
  expect(await textOf("#territoire-04")).toMatch(/10 critère\(s\) rempli\(s\) sur 10/);
  expect(await textOf("#territoire-06 .flag")).toBe("Aucun projet labellisé pour l'instant");
  expect(await textOf("#territoire-06")).toMatch(/1 critère\(s\) rempli\(s\) sur 10/);
  // the grid opens from the keyboard and says which criteria are met, failed or not assessed
  await page.focus("#territoire-06 summary");
  await page.keyboard.press("Enter");
  const grid = await rows("#territoire-06 details .grid tbody tr");
  expect(grid).toHaveLength(10);
  expect(grid.find((r) => r[0].startsWith("Prise en compte de la place des pères"))?.[2]).toBe("Non");
  expect(grid.find((r) => r[0] === "Soutenabilité budgétaire")?.[2]).toBe("Non évalué");
  expect(await rows("#territoire-06 details .budget tbody tr")).toEqual([["2024", "FIR (ARS)", "150 000,00 €"]]);
});

test("switching region shows that region's totals only", async () => {
  await open();
  await page.selectOption("#region", "53");
  await loaded("53", 2021);
  expect(page.url()).toMatch(/\?region=53&annee=2021$/);
  expect(await textOf("#total-financements")).toBe("72 500,25 €"); // 70 000 (FIR) + 2 500,25 (FIPE)
  expect(await rows("#sources tbody tr")).toEqual([
    ["FIR (ARS)", "96,6 %", "70 000,00 €"],
    ["FIPE (CAF)", "3,4 %", "2 500,25 €"],
  ]);
  expect(await textOf("#calls-sante .call-awarded")).toBe("70 000,00 €");
  expect(await textOf("#calls-social")).toMatch(/Aucun appel à projets de ce volet en 2021 pour Bretagne/);
  expect(await textOf("#total-caf")).toBe("2 500,25 €");
  expect(await textOf("#caf-35 .department-total")).toBe("2 500,25 €");
});

test("switching year, from the keyboard: an overseas region counts its labelled Maison's budget of that year", async () => {
  await open();
  await page.selectOption("#region", "04");
  await loaded("04", 2021);
  expect(await textOf("#total-financements")).toBe("0,00 €");
  expect(await textOf("#chart")).toBe("Aucun financement enregistré pour La Réunion en 2021.");
  // Tab from the region reaches the year, then the button; Enter on the button reloads
  await page.focus("#region");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("annee");
  await page.$eval("#annee", (select) => {
    (select as HTMLSelectElement).value = "2025";
  });
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Afficher");
  await page.keyboard.press("Enter");
  await loaded("04", 2025);
  expect(await textOf("#total-financements")).toBe("80 000,40 €");
  expect(await rows("#sources tbody tr")).toEqual([["Crédits départementaux", "100 %", "80 000,40 €"]]);
  expect(await textOf("#territoire-04 h3")).toBe("La Réunion (région sélectionnée)");
  await page.selectOption("#annee", "2024");
  await loaded("04", 2024);
  expect(await textOf("#total-financements")).toBe("200 000,00 €");
});

test("a direct link opens the region and year it names; the skip link comes first", async () => {
  await open("?region=52&annee=2022", "52", 2022);
  expect(await page.inputValue("#region")).toBe("52");
  expect(await textOf("#total-financements")).toBe("999,99 €"); // the LAEP grant of 2022 in Maine-et-Loire
  expect(await textOf("#caf-49 .department-total")).toBe("999,99 €");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Aller au contenu");
  expect(await page.$$eval("select", (selects) => selects.map((s) => document.querySelector(`label[for="${s.id}"]`)?.textContent))).toEqual(
    ["Région", "Année"],
  );
  expect(await page.$$eval("table", (tables) => tables.every((t) => (t.querySelector("caption")?.textContent ?? "").length > 0))).toBe(
    true,
  );
  await page.screenshot({ path: path.join(os.tmpdir(), "dashboard-test.png"), fullPage: true });
});

test("the page reached the gateway only, and sent the contract's operations unchanged", async () => {
  // what this test loads (both operations), and whatever the tests before it loaded
  await open();
  expect(offOrigin).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(new Set(graphqlCalls.map((c) => c.operationName))).toEqual(new Set(["RegionDashboard", "MaisonsBoard"]));
  for (const sent of graphqlCalls) expect(print(parse(sent.query))).toBe(contractQuery(sent.operationName));
});

test("the page and its assets are served with a policy that forbids any other origin", async () => {
  const response = await fetch(dashboardUrl());
  expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'; script-src 'self'/);
  const html = await response.text();
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  for (const asset of ["app.js", "style.css"]) expect((await fetch(dashboardUrl(`/${asset}`))).status).toBe(200);
});

test("the page is in the State's design system, served by the gateway: header, footer, DSFR controls", async () => {
  await open();
  await page.evaluate(() => document.fonts.ready); // the font check below reads faces once loaded, not while loading
  expect(await page.$eval("header", (e) => e.className)).toBe("fr-header");
  expect(await page.$eval("footer", (e) => e.className)).toBe("fr-footer");
  expect(await page.$eval("#region", (e) => e.getAttribute("class"))).toBe("fr-select");
  expect(await page.$$eval("#sources .fr-table table", (t) => t.length)).toBe(1);
  // the Marianne font and the styles come from the gateway, never from a CDN
  expect(await page.evaluate(() => document.fonts.check("16px Marianne"))).toBe(true);
  const origin = new URL(hub.gateway.url).origin;
  for (const asset of [
    "/dsfr/dsfr.min.css",
    "/dsfr/dsfr.module.min.js",
    "/dsfr/fonts/Marianne-Regular.woff2",
    "/dsfr-chart/MapChart/MapChart.js",
  ])
    expect((await fetch(origin + asset)).status).toBe(200);
  for (const outside of ["/dsfr/../package.json", "/dsfr/%2e%2e/package.json", "/dsfr/README.md", "/dsfr-chart/../../package.json"])
    expect((await fetch(origin + outside)).status).toBe(404);
});

test("GraphiQL, beside the dashboard, opens the contract's six reads as named tabs, then the explorer's four", async () => {
  const html = await (await fetch(hub.gateway.url, { headers: { accept: "text/html" } })).text();
  const options = JSON.parse(
    /renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s.exec(html)?.[1] ?? "null",
  );
  expect(options.defaultTabs.map((tab: { query: string }) => /^(query|mutation) (\w+)/m.exec(tab.query)?.[2])).toEqual([
    "RegionDashboard",
    "StructureFinancing",
    "CoFinancedProject",
    "NationalLaureates",
    "CafDepartment",
    "MaisonsBoard",
    "ExplorerAxeRegion",
    "ExplorerRechercheStructures",
    "ExplorerByAxis",
    "ExplorerCoFunding",
  ]);
});

/**
 * The dashboard renders the fictitious demo set; `DASHBOARD_SCREENSHOT=docs/dashboard.png npx jest
 * test/e2e/dashboard` keeps the screenshot as the README's picture (otherwise in a temporary file).
 */
test("the dashboard renders the fictitious demo set (screenshot)", async () => {
  const target = path.resolve(process.env.DASHBOARD_SCREENSHOT ?? path.join(os.tmpdir(), `dashboard-${process.pid}.png`));
  const demoHub = await startTestHub({ demo: buildDemoDataset() });
  try {
    const demoPage = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "fr-FR" });
    await demoPage.goto(`${new URL(demoHub.gateway.url).origin}/tableau-de-bord?region=52&annee=2021`);
    await demoPage.waitForSelector('body[data-loaded="52-2021"]');
    await demoPage.screenshot({ path: target, fullPage: false });
    await demoPage.close();
    const png = fs.readFileSync(target);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
    if (!process.env.DASHBOARD_SCREENSHOT) fs.rmSync(target);
  } finally {
    await demoHub.stop();
  }
}, 120_000);
