/**
 * The explorer's filters on the national lists (healthProjects, socialProjects, parentalityGrants),
 * through the gateway, on the dataset of test/support/explorer-dataset.ts: every expected list is
 * read off that table by hand (the reasoning in the comments). SQLite and PostgreSQL alike.
 */
import { startTestHub, TestHub } from "../support/hub";
import { ExplorerIds, writeExplorerDataset } from "../support/explorer-dataset";

let hub: TestHub;
let ids: ExplorerIds;
beforeAll(async () => {
  hub = await startTestHub();
  ids = await writeExplorerDataset(hub);
}, 120_000);
afterAll(() => (hub as TestHub | undefined)?.stop());

const PAGE = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }";
const HEALTH = `query Explore($filter: HealthProjectFilter, $first: Int!, $after: String) { healthProjects(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;
const SOCIAL = `query Explore($filter: SocialProjectFilter, $first: Int!, $after: String) { socialProjects(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;
const GRANTS = `query Explore($filter: ParentalityGrantFilter, $first: Int!, $after: String) { parentalityGrants(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;
const CREDITS = `query Explore($filter: DepartmentalCreditFilter, $first: Int!, $after: String) { departmentalCredits(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

async function list(document: string, filter: Record<string, unknown> | null, first = 50, after: string | null = null): Promise<Page> {
  const result = await hub.query(document, { filter, first, after });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data as Record<string, Page>)[0];
}
/** The fixture names (H1, G3…) of the rows a filter returns, in the API's order. */
async function names(document: string, filter: Record<string, unknown> | null): Promise<string[]> {
  const page = await list(document, filter);
  const byId = new Map(
    Object.entries(ids)
      .filter(([key]) => key[0] === (document === GRANTS ? "G" : document === CREDITS ? "K" : document === SOCIAL ? "S" : "H"))
      .map(([key, id]) => [id, key]),
  );
  expect(page.totalCount).toBe(page.edges.length);
  return page.edges.map((e) => byId.get(e.node.id) ?? `? ${e.node.id}`);
}

describe("healthProjects: each filter alone", () => {
  test.each([
    ["no filter: every laureate of the side, in id order", null, ["H1", "H2", "H3", "H4", "H5", "H6"]],
    ["axes [4]: H1, H2, H4 and H6 carry axis 4 (H3 is 3, H5 is 2)", { axes: ["CULTURAL_AWAKENING"] }, ["H1", "H2", "H4", "H6"]],
    ["axes [3, 2]: at least one of them", { axes: ["PARENT_ISOLATION", "HEALTH_PROMOTION"] }, ["H3", "H5"]],
    ["statuses [WITHDRAWN]", { statuses: ["WITHDRAWN"] }, ["H3"]],
    ["statuses [AWARDED, RENEWED] (H2 is EVALUATED)", { statuses: ["AWARDED", "RENEWED"] }, ["H1", "H4", "H5", "H6"]],
    [
      "minAmount 12 000 and maxAmount 30 000.50, both included: 12 000, 30 000.50 and 20 000",
      { minAmount: 12_000, maxAmount: 30_000.5 },
      ["H1", "H2", "H6"],
    ],
    ["minAmount 30 000.51 excludes H2's 30 000.50", { minAmount: 30_000.51 }, ["H3", "H5"]],
    ["maxAmount 0: no laureate is free", { maxAmount: 0 }, []],
    ["text: title H4 (equipe), structure names H1 (Équipe) and H3 (ÉQUIPE)", { text: "equipe" }, ["H1", "H3", "H4"]],
    ["text with accents and capitals finds the same", { text: "Équipe" }, ["H1", "H3", "H4"]],
    ["text in capitals finds the same", { text: "ÉQUIPE" }, ["H1", "H3", "H4"]],
    ["text is trimmed", { text: "  eveil  " }, ["H1"]],
    ["text: % is a character, not a wildcard", { text: "100%" }, ["H5"]],
    ["text: _ is a character (unescaped, s_l would match « isolés »)", { text: "s_l" }, []],
    ["text: a line matches within one field, never across title and structure name", { text: "tits equipe" }, []],
    ["region 76 (of the call): the Occitanie call and H2's renewal", { region: "76" }, ["H1", "H2", "H3", "H6"]],
    ["department 34", { department: "34" }, ["H2", "H3", "H6"]],
  ])("%s", async (_label, filter, expected) => {
    expect(await names(HEALTH, filter)).toEqual(expected);
  });
});

describe("healthProjects: filters combined (AND)", () => {
  test.each([
    ["« projets de l'axe 4 en Occitanie » in 2021", { region: "76", year: 2021, axes: ["CULTURAL_AWAKENING"] }, ["H1", "H2"]],
    [
      "region 76, axes 4 or 3, text equipe: H1 (axis 4) and H3 (axis 3)",
      { region: "76", axes: ["CULTURAL_AWAKENING", "PARENT_ISOLATION"], text: "equipe" },
      ["H1", "H3"],
    ],
    [
      "the same from 20 000 €: H3 alone",
      { region: "76", axes: ["CULTURAL_AWAKENING", "PARENT_ISOLATION"], text: "equipe", minAmount: 20_000 },
      ["H3"],
    ],
    [
      "the old axis field and axes together: axis 5 and one of 4 → H2, H6",
      { axis: "WORK_LIFE_BALANCE", axes: ["CULTURAL_AWAKENING"] },
      ["H2", "H6"],
    ],
    ["status and statuses together: both must hold", { status: "AWARDED", statuses: ["WITHDRAWN"] }, []],
    ["region 52 and text equipe: H4", { region: "52", text: "EQUIPE" }, ["H4"]],
  ])("%s", async (_label, filter, expected) => {
    expect(await names(HEALTH, filter)).toEqual(expected);
  });
});

test("socialProjects take the same filters: S1's structure is typed without accents, « Éveil » finds it", async () => {
  expect(
    await names(SOCIAL, { text: "Éveil", axes: ["CULTURAL_AWAKENING"], minAmount: 15_000, maxAmount: 15_000, statuses: ["AWARDED"] }),
  ).toEqual(["S1"]);
  expect(await names(SOCIAL, { text: "parentalité" })).toEqual([]);
});

describe("parentalityGrants: the CAF's national list", () => {
  test.each([
    ["no filter", null, ["G1", "G2", "G3", "G4", "G5"]],
    ["region 76: the CAF of 31 and 34 (departments of Occitanie in the COG)", { region: "76" }, ["G1", "G2", "G5"]],
    ["department 44", { department: "44" }, ["G3", "G4"]],
    ["year 2022", { year: 2022 }, ["G4", "G5"]],
    ["funds [CAF_FNP]", { funds: ["CAF_FNP"] }, ["G1", "G5"]],
    ["funds [FIPE, CAF_LAEP]", { funds: ["FIPE", "CAF_LAEP"] }, ["G3", "G4"]],
    ["axes [4]", { axes: ["CULTURAL_AWAKENING"] }, ["G1", "G4"]],
    ["2 500.25 to 18 000 included: 5 000, 2 500.25, 18 000", { minAmount: 2_500.25, maxAmount: 18_000 }, ["G1", "G2", "G3"]],
    ["text: the structure name the CAF recorded (G1: Équipe) or the title (G5: équipe)", { text: "EQUIPE" }, ["G1", "G5"]],
    ["text: « a petits » finds « À petits pas »", { text: "a petits" }, ["G4"]],
    ["region 76 and department 44: nothing", { region: "76", department: "44" }, []],
    ["region 76, fund FNP, 2022: G5", { region: "76", funds: ["CAF_FNP"], year: 2022 }, ["G5"]],
    ["axes 4, from 10 000 €, text « crèche »", { axes: ["CULTURAL_AWAKENING"], minAmount: 10_000, text: "creche" }, ["G4"]],
  ])("%s", async (_label, filter, expected) => {
    expect(await names(GRANTS, filter)).toEqual(expected);
  });
});

describe("departmentalCredits: the same filters on the departments' credits", () => {
  test.each([
    ["no filter", null, ["K1", "K2"]],
    ["region 76", { region: "76" }, ["K1"]],
    ["programmes [LAUREATE_COFUNDING] and text in the title", { programmes: ["LAUREATE_COFUNDING"], text: "EQUIPE" }, ["K2"]],
    ["text in the structure name the department recorded (A: Équipe Éveil)", { text: "éveil" }, ["K1"]],
    ["axes [1], 7 000 € at most, 2021", { axes: ["SCREENING_CONTINUITY"], maxAmount: 7_000, year: 2021 }, ["K1"]],
  ])("%s", async (_label, filter, expected) => {
    expect(await names(CREDITS, filter)).toEqual(expected);
  });

  test("an empty list of programmes is refused", async () => {
    const result = await hub.query(CREDITS, { filter: { programmes: [] }, first: 10 });
    expect(result.errors?.[0]).toMatchObject({
      message: "Cadres : liste vide. Omettez le filtre pour ne pas filtrer. (filter.programmes)",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("pagination under a filter", () => {
  test("region 76 one by one: four pages, totalCount 4 on each, the last without a next page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 4; n++) {
      const page = await list(HEALTH, { region: "76" }, 1, after);
      expect(page.totalCount).toBe(4);
      expect(page.edges).toHaveLength(1);
      expect(page.pageInfo).toMatchObject({
        hasNextPage: n < 3,
        hasPreviousPage: n > 0,
        startCursor: page.edges[0].cursor,
        endCursor: page.edges[0].cursor,
      });
      seen.push(page.edges[0].node.id);
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([ids.H1, ids.H2, ids.H3, ids.H6]);
    const beyond = await list(HEALTH, { region: "76" }, 1, after);
    expect(beyond).toMatchObject({ totalCount: 4, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test("a cursor stays valid under a filter: text equipe by two, then CAF grants of 76 by two", async () => {
    const first = await list(HEALTH, { text: "equipe" }, 2);
    expect(first.edges.map((e) => e.node.id)).toEqual([ids.H1, ids.H3]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(HEALTH, { text: "equipe" }, 2, first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.id)).toEqual([ids.H4]);
    expect(second).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const grants = await list(GRANTS, { region: "76" }, 2);
    const rest = await list(GRANTS, { region: "76" }, 2, grants.pageInfo.endCursor);
    expect([...grants.edges, ...rest.edges].map((e) => e.node.id)).toEqual([ids.G1, ids.G2, ids.G5]);
    expect([grants.pageInfo.hasNextPage, rest.pageInfo.hasNextPage, rest.totalCount]).toEqual([true, false, 3]);
  });
});

describe("refusals: BAD_USER_INPUT, the rule, a French message naming it", () => {
  test.each([
    ["healthProjects", { minAmount: -1 }, "AMOUNT_NEGATIVE", /Le montant minimal ne peut pas être négatif.*\(filter\.minAmount\)/, HEALTH],
    [
      "healthProjects",
      { maxAmount: 12.345 },
      "AMOUNT_CENTS",
      /Le montant maximal \(12\.345 €\) : .*deux décimales.*\(filter\.maxAmount\)/,
      HEALTH,
    ],
    ["parentalityGrants", { maxAmount: 1_000_000_000.01 }, "AMOUNT_CEILING", /plafond d'une ligne, 1 000 000 000 €/, GRANTS],
    [
      "healthProjects",
      { minAmount: 100, maxAmount: 50 },
      "AMOUNT_RANGE",
      /montant minimal \(100 €\) dépasse le montant maximal \(50 €\)/,
      HEALTH,
    ],
    ["socialProjects", { text: " é " }, "SEARCH_TOO_SHORT", /au moins 2 caractères.*« é »/, SOCIAL],
    ["parentalityGrants", { text: "x".repeat(101) }, "TEXT_TOO_LONG", /Le texte recherché dépasse 100 caractères \(101\)/, GRANTS],
    ["healthProjects", { text: "equipe\nmobile" }, "TEXT_CONTROL_CHARACTER", /caractère de contrôle/, HEALTH],
    ["healthProjects", { axes: [] }, "FILTER_LIST_EMPTY", /Axes thématiques : liste vide/, HEALTH],
    ["healthProjects", { statuses: [] }, "FILTER_LIST_EMPTY", /États : liste vide.*\(filter\.statuses\)/, HEALTH],
    ["parentalityGrants", { funds: ["CAF_FNP", "FIR"] }, "FUND_NOT_CAF", /ne sont pas ceux des CAF : FIR/, GRANTS],
    ["parentalityGrants", { region: "99" }, "REGION_UNKNOWN", /Code région inconnu du COG : « 99 »/, GRANTS],
    ["healthProjects", { department: "2C" }, "DEPARTMENT_UNKNOWN", /Code département inconnu du COG : « 2C »/, HEALTH],
  ])("%s %p → %s", async (_field, filter, rule, message, document) => {
    const result = await hub.query(document, { filter, first: 10 });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", violations: [expect.objectContaining({ rule })] } });
    expect(result.errors?.[0].message).toMatch(message);
  });

  test("every broken rule at once, and the page bounds", async () => {
    const all = await hub.query(GRANTS, { filter: { minAmount: -1, text: "a", funds: ["P304_17"] }, first: 10 });
    expect((all.errors?.[0].extensions?.violations as { rule: string }[]).map((v) => v.rule)).toEqual([
      "AMOUNT_NEGATIVE",
      "SEARCH_TOO_SHORT",
      "FUND_NOT_CAF",
    ]);
    const big = await hub.query(GRANTS, { filter: null, first: 501 });
    expect(big.errors?.[0]).toMatchObject({
      message: "La taille de page (first) est comprise entre 0 et 500.",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const cursor = await hub.query(HEALTH, { filter: { text: "equipe" }, first: 1, after: "pas-un-curseur" });
    expect(cursor.errors?.[0]).toMatchObject({ message: "Curseur de pagination invalide.", extensions: { code: "BAD_USER_INPUT" } });
  });
});
