/**
 * The dashboard with one funder down (issue 11, "complete or flagged"): the page still shows the
 * others' data, and says in French that the cross-financing total is incomplete instead of
 * showing the sum of the funders that answered as the total. Real browser; fictitious data.
 */
import type { Browser, Page } from "playwright-core";
import { Axis } from "../../subgraphs/domain/enums";
import { startTestHub, TestHub } from "../support/hub";
import { call, laureate, testSiret } from "../support/fixtures";
import { launchChromium } from "../support/browser";
import { withFunderDown } from "../support/funder-down";

const plain = (text: string | null) => (text ?? "").replace(/[\s\u202f\u00a0]+/g, " ").trim();
let hub: TestHub;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({
    ...withFunderDown("caf"),
    seed: async (s) => {
      const health = await call(s, "ars", { regionCode: "52", year: 2021, axes: [Axis.SCREENING_CONTINUITY] });
      await laureate(s, "ars", health, { siret: testSiret(1501), amount: 60_000.1, departments: ["44"] });
    },
  });
  page = await browser.newPage({ locale: "fr-FR" });
  page.on("pageerror", (error) => pageErrors.push(error.message));
}, 120_000);
afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (hub as TestHub | undefined)?.stop();
});

test("one funder down: the total reads incomplete, the partial sum is named as such, the rest still shows", async () => {
  await page.goto(`${new URL(hub.gateway.url).origin}/tableau-de-bord?region=52&annee=2021`);
  await page.waitForSelector('body[data-loaded="52-2021"]');
  expect(pageErrors).toEqual([]);
  const total = plain(await page.textContent("#total-financements"));
  expect(total).toMatch(/^incomplet/);
  expect(total).toMatch(/n'est qu'une partie du total/);
  expect(total).toContain("60 000,10 €");
  expect(plain(await page.textContent("#sources tfoot"))).toMatch(/Somme partielle \(total incomplet/);
  expect(plain(await page.textContent("#partial"))).toMatch(/^Données partielles : .*caf.*ne répond pas/);
  expect(plain(await page.textContent("#total-caf"))).toMatch(/^incomplet/);
  // the health side, which answered, is there
  expect(plain(await page.textContent("#calls-sante"))).toContain("60 000,10 €");
}, 60_000);
