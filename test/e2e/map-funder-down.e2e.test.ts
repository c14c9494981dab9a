/**
 * The map with one funder really down (the CAF unreachable): the page still draws, says the data
 * is partial, marks every cross-financing figure « partiel » whatever the source chosen (never 0),
 * and still lists the other funders' projects. Real browser; fictitious data.
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
      await laureate(s, "ars", health, { siret: testSiret(1601), amount: 60_000.1, departments: ["44"] });
    },
  });
  page = await browser.newPage({ locale: "fr-FR" });
  page.on("pageerror", (error) => pageErrors.push(error.message));
}, 120_000);
afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (hub as TestHub | undefined)?.stop();
});

const figures = async () =>
  Object.fromEntries(
    (await page.$$eval("#figures tbody tr", (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)))).map((r) => [
      plain(r[0]),
      plain(r[1]),
    ]),
  );

test.each([
  ["region", "Pays de la Loire (52)"],
  ["departement", "Loire-Atlantique (44)"],
])(
  "by %s, the CAF down: « partiel » even for the ARS's own source, the ARS's project still listed",
  async (level, territory) => {
    const code = /\((\w+)\)$/.exec(territory)![1];
    await page.goto(
      `${new URL(hub.gateway.url).origin}/carte?niveau=${level}&annee=2021&indicateur=financements&source=famille-ars&territoire=${code}`,
    );
    await page.waitForSelector(`body[data-loaded="${level.slice(0, 3)}-2021-financements"][data-territory="${code}"]`, { timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    expect(plain(await page.textContent("#error"))).toMatch(/^Données partielles : [^;]*\(caf\) ne répond pas[^;]*$/); // said once, not once per region
    expect(await page.getAttribute("#error", "class")).toContain("fr-alert--warning");
    const table = await figures();
    expect(table[territory]).toMatch(/^partiel : au moins un financeur n'a pas répondu/);
    expect(Object.values(table).filter((v) => !v.startsWith("partiel"))).toEqual([]);
    expect(plain(await page.textContent("#projects"))).toContain("60 000,10 €");
    // filtered, the figure adds up the listed lines: the CAF's are missing, so it is partial too
    await page.selectOption("#axe", Axis.SCREENING_CONTINUITY);
    await page.waitForFunction(() => location.search.includes("axe=SCREENING_CONTINUITY") && document.body.hasAttribute("data-loaded"));
    expect((await figures())[territory]).toMatch(/^partiel/);
  },
  60_000,
);
