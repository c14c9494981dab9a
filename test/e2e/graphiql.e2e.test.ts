/**
 * GraphiQL as an analyst meets it: a fresh browser (empty local storage) opens the gateway's
 * GraphiQL on the fictitious demo set, and Run on each example tab (the contract's, then the explorer's) sends that
 * tab's example variables and gets data back, without errors. Then a reload keeps the tabs and the
 * variables each one holds (no extra tab, no variables from another tab).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildDemoDataset } from "../../fixtures/demo/dataset";
import { GRAPHIQL_EXAMPLES } from "../../gateway/graphiql";
import { startTestHub, TestHub } from "../support/hub";
import { Json } from "../support/json";
import { launchChromium } from "../support/browser";

interface Exchange {
  operationName: string;
  variables: Record<string, unknown>;
  body: { data?: Record<string, unknown>; errors?: { message: string }[] };
}

let hub: TestHub;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const exchanges: Exchange[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({ demo: buildDemoDataset() });
}, 120_000);

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (hub as TestHub | undefined)?.stop();
});

// A browser context per test (GraphiQL keeps its tabs in the page's storage): each test opens
// GraphiQL as it needs it, so any one runs alone and in any order.
beforeEach(async () => {
  exchanges.length = 0;
  pageErrors.length = 0;
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "fr-FR" });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("response", async (response) => {
    const request = response.request();
    if (request.method() !== "POST" || new URL(request.url()).pathname !== "/graphql") return;
    const sent = request.postDataJSON();
    if (sent.operationName === "IntrospectionQuery") return;
    exchanges.push({ operationName: sent.operationName, variables: sent.variables ?? {}, body: await response.json() });
  });
});
afterEach(() => (context as BrowserContext | undefined)?.close());

/** GraphiQL opened fresh, its tabs settled. */
async function openGraphiql() {
  await page.goto(hub.gateway.url, { waitUntil: "load" });
  await page.waitForSelector(".graphiql-execute-button");
  expect(await settled(tabTitles, sameTitles)).toEqual(names);
}

const names = Object.keys(GRAPHIQL_EXAMPLES);

/** Retries `read` until it returns what `accept` wants (the editor settles after the page loads). */
async function settled<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
const sameTitles = (titles: string[]) => JSON.stringify(titles) === JSON.stringify(names);
const tabTitles = () => page.$$eval(".graphiql-tab .graphiql-tab-button", (tabs) => tabs.map((t) => t.textContent.trim()));

/** Opens a tab and waits until its query is in the editor (GraphiQL names the operation from it). */
async function openTab(index: number, operationName: string) {
  // (a DOM click: the tab bar is a drag-to-reorder list, where a pointer click can start a drag)
  await page.$eval(`#graphiql-session-tab-${index}`, (button) => (button as HTMLButtonElement).click());
  await page.waitForFunction(
    (name) =>
      (document.querySelector(".graphiql-tab-active .graphiql-tab-button")?.textContent ?? "").trim() === name &&
      new RegExp(`query\\s+${name}\\b`).test((document.querySelector(".graphiql-query-editor")?.textContent ?? "").replace(/\s+/g, " ")),
    operationName,
  );
  await page.waitForTimeout(300); // GraphiQL parses the editor's text after 100 ms of quiet
}

async function runActiveTab(operationName: string): Promise<Exchange> {
  const before = exchanges.length;
  await page.click(".graphiql-execute-button");
  await settled(
    () => Promise.resolve(exchanges.length),
    (n) => n > before,
    20_000,
  );
  const exchange = exchanges[exchanges.length - 1];
  expect(exchange.operationName).toBe(operationName);
  return exchange;
}

function expectData(exchange: Exchange, name: string) {
  expect(exchange.variables).toEqual(GRAPHIQL_EXAMPLES[name].variables);
  expect(exchange.body.errors).toBeUndefined();
  const roots = Object.values(exchange.body.data ?? {});
  expect(roots.length).toBeGreaterThan(0);
  for (const root of roots) expect(root).not.toBeNull();
  // an explorer tab finds something on the demo set (a list that is empty everywhere shows nothing)
  const counts = roots.map((r) => (r as { totalCount?: number }).totalCount).filter((n): n is number => typeof n === "number");
  if (name.startsWith("Explorer") && counts.length > 0) expect(Math.max(...counts)).toBeGreaterThan(0);
}

test("opened fresh, Run on the first tab (RegionDashboard) sends its example variables and gets data", async () => {
  await openGraphiql();
  // no click on the tab: the analyst presses Run on what GraphiQL opened
  expectData(await runActiveTab("RegionDashboard"), "RegionDashboard");
}, 120_000);

test("after a reload no tab is added, and the open tab still holds its variables", async () => {
  await openGraphiql();
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector(".graphiql-execute-button");
  expect(await settled(tabTitles, sameTitles)).toEqual(names);
  expectData(await runActiveTab("RegionDashboard"), "RegionDashboard");
}, 120_000);

test("every tab runs with its own variables: data, no errors, also after a reload on another tab", async () => {
  await openGraphiql();
  for (const [i, name] of names.entries()) {
    await openTab(i, name);
    expectData(await runActiveTab(name), name);
  }
  await openTab(2, "CoFinancedProject");
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector(".graphiql-execute-button");
  expect(await settled(tabTitles, sameTitles)).toEqual(names);
  expectData(await runActiveTab("CoFinancedProject"), "CoFinancedProject");
  expect(pageErrors).toEqual([]);
}, 180_000);

test("the explorer's tabs answer figures on the demo set, not empty lists", async () => {
  await openGraphiql();
  const run = async (name: string) => {
    await openTab(names.indexOf(name), name);
    return (await runActiveTab(name)).body.data as Json;
  };
  const byAxis = await run("ExplorerByAxis");
  expect(byAxis.region.crossFinancingByAxis.total).toBe(byAxis.region.crossFinancing.total);
  expect(byAxis.region.crossFinancingByAxis.byAxis.some((a: { amount: number }) => a.amount > 0)).toBe(true);
  expect((await run("ExplorerCoFunding")).region.coFunding.pairs.length).toBeGreaterThan(0);
}, 120_000);
