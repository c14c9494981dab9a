/**
 * Query.structures, the structure search over the hub's directory, and the SQL statements the
 * explorer's fields cost (the same for one row as for many: no N+1). Dataset:
 * test/support/explorer-dataset.ts; the directory keeps the first name a funder recorded.
 */
import { startTestHub, TestHub } from "../support/hub";
import { Json } from "../support/json";
import { NAMES, SIRETS, writeExplorerDataset } from "../support/explorer-dataset";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await writeExplorerDataset(hub);
}, 120_000);
afterAll(() => (hub as TestHub | undefined)?.stop());

const SEARCH = `query Search($search: String!, $first: Int, $after: String) {
  structures(search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { siret name } }
  }
}`;
interface Found {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { node: { siret: string; name: string } }[];
}
const letter = new Map(Object.entries(SIRETS).map(([key, siret]) => [siret, key]));

async function search(text: string, first?: number, after?: string | null): Promise<Found> {
  const result = await hub.query(SEARCH, { search: text, first, after });
  expect(result.errors).toBeUndefined();
  return result.data.structures;
}
const found = async (text: string) => (await search(text)).edges.map((e) => letter.get(e.node.siret));

describe("by name: case- and accent-insensitive substring, ordered by name (folded) then SIRET", () => {
  test.each([
    // folded names: A "equipe eveil toulouse", C "equipe mobile parentalite"
    ["equipe", ["A", "C"]],
    ["Équipe", ["A", "C"]],
    ["ÉQUIPE", ["A", "C"]],
    ["mobile", ["C"]],
    // a substring anywhere, not only a word's start: "ntalit" inside "parentalité"
    ["ntalit", ["C"]],
    // « À » folds to « a »; « a petits » is in F's name only
    ["a petits", ["F"]],
    ["creche a", ["F"]],
    // every fixture name ends with "(fictif)": B, E, F, A, C, D in the order of their folded names
    ["(fictif)", ["B", "E", "F", "A", "C", "D"]],
    ["introuvable", []],
  ])("« %s »", async (text, expected) => {
    expect(await found(text)).toEqual(expected);
  });

  test("the node is the Structure entity: the directory's first name, and what the funders say of it", async () => {
    const result = await hub.query(
      `{ structures(search: "equipe") { edges { node { siret name crossFinancing { total funders } healthProjects { title } socialProjects { recordedStructureName } parentalityGrants { fund amount } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const [a, c] = result.data.structures.edges.map((e: { node: unknown }) => e.node);
    // A: the ARS's first write named it; the DREETS typed it without accents later (its own line keeps that)
    expect(a).toEqual({
      siret: SIRETS.A,
      name: NAMES.A,
      crossFinancing: {
        total: 12_000 + 15_000 + 5_000 + 7_000,
        funders: ["ARS Occitanie", "CAF 31 Haute-Garonne", "Conseil départemental 31 Haute-Garonne", "DREETS Occitanie"],
      },
      healthProjects: [{ title: "Éveil musical des tout-petits" }],
      socialProjects: [{ recordedStructureName: "Equipe Eveil Toulouse (fictif)" }],
      parentalityGrants: [{ fund: "CAF_FNP", amount: 5_000 }],
    });
    // C: its laureate was withdrawn (does not count), its CAF grant of 1 000 € does
    expect(c).toMatchObject({ siret: SIRETS.C, name: NAMES.C, crossFinancing: { total: 1_000, funders: ["CAF 31 Haute-Garonne"] } });
  });
});

describe("by SIRET prefix: 3 to 14 digits", () => {
  test.each([
    // A, B, C start with 8000000, ordered by name: B (association), A (equipe eveil), C (equipe mobile)
    ["8000000", ["B", "A", "C"]],
    ["80000001", ["A", "C"]],
    ["800 000 01", ["A", "C"]],
    ["700", ["E", "D"]],
    [SIRETS.F, ["F"]],
    ["123", []],
  ])("« %s »", async (text, expected) => {
    expect(await found(text)).toEqual(expected);
  });
});

test("pages of a search: totalCount on each, cursors on the name order", async () => {
  const first = await search("fictif", 4);
  expect(first.edges.map((e) => letter.get(e.node.siret))).toEqual(["B", "E", "F", "A"]);
  expect(first).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  const second = await search("fictif", 4, first.pageInfo.endCursor);
  expect(second.edges.map((e) => letter.get(e.node.siret))).toEqual(["C", "D"]);
  expect(second).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  const bySiret = await search("800", 2);
  const rest = await search("800", 2, bySiret.pageInfo.endCursor);
  expect([...bySiret.edges, ...rest.edges].map((e) => letter.get(e.node.siret))).toEqual(["B", "A", "C"]);
  expect((await search("fictif")).pageInfo.hasNextPage).toBe(false);
});

describe("refusals", () => {
  test.each([
    ["80", "SIRET_PREFIX_LENGTH", /de 3 à 14 chiffres.*« 80 » en compte 2/],
    ["800000010000110", "SIRET_PREFIX_LENGTH", /en compte 15/],
    ["é", "SEARCH_TOO_SHORT", /Le nom recherché compte au moins 2 caractères/],
    ["   ", "SEARCH_TOO_SHORT", /au moins 2 caractères/],
    ["y".repeat(101), "TEXT_TOO_LONG", /dépasse 100 caractères/],
  ])("« %s »: %s", async (text, rule, message) => {
    const result = await hub.query(SEARCH, { search: text });
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", violations: [expect.objectContaining({ rule, field: "search" })] },
    });
    expect(result.errors?.[0].message).toMatch(message);
  });

  test("page bounds and cursors", async () => {
    expect((await hub.query(SEARCH, { search: "fictif", first: 101 })).errors?.[0].message).toBe(
      "La taille de page (first) est comprise entre 0 et 100.",
    );
    expect((await hub.query(SEARCH, { search: "fictif", after: "bm9u" })).errors?.[0]).toMatchObject({
      message: "Curseur de pagination invalide.",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("SQL statements per request do not grow with the rows returned (no N+1)", () => {
  const LAUREATES = `query Explore($filter: HealthProjectFilter) { healthProjects(filter: $filter, first: 50) { totalCount edges { node { id title departments { code name } call { id title region { code name } } structure { siret name } } } } }`;
  const GRANTS = `query Explore($filter: ParentalityGrantFilter) { parentalityGrants(filter: $filter, first: 50) { totalCount edges { node { id fund department { code name region { code } } structure { siret name } } } } }`;
  const STRUCTURES = `query Explore($search: String!) { structures(search: $search) { totalCount edges { node { siret name crossFinancing { total } healthProjects { id } parentalityGrants { id } } } } }`;

  async function cost(document: string, variables: Record<string, unknown>, rows: number) {
    let result: Json;
    const measured = await hub.measure(async () => {
      result = await hub.query(document, variables);
    });
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data as Record<string, { edges: unknown[] }>)[0].edges).toHaveLength(rows);
    return Object.fromEntries(Object.entries(measured).filter(([, c]) => c.requests > 0 || c.sqlStatements > 0));
  }

  test("healthProjects under a filter: one row or four, the same statements", async () => {
    const one = await cost(LAUREATES, { filter: { text: "musical" } }, 1);
    const four = await cost(LAUREATES, { filter: { region: "76", minAmount: 1 } }, 4);
    expect(four).toEqual(one);
    // ars: page, count, calls, departments; hub: its entities (names, regions, departments)
    expect(one).toEqual({ ars: { requests: 1, sqlStatements: 4 }, hub: { requests: 1, sqlStatements: 3 } });
  });

  test("parentalityGrants under a filter: one row or five", async () => {
    const one = await cost(GRANTS, { filter: { funds: ["FIPE"] } }, 1);
    const five = await cost(GRANTS, { filter: { minAmount: 0 } }, 5);
    expect(five).toEqual(one);
    expect(one).toEqual({ caf: { requests: 1, sqlStatements: 2 }, hub: { requests: 1, sqlStatements: 3 } });
  });

  test("structures: one structure or six, each with its cross-financing and lines", async () => {
    const one = await cost(STRUCTURES, { search: "mobile" }, 1);
    const six = await cost(STRUCTURES, { search: "fictif" }, 6);
    expect(six).toEqual(one);
    expect(one.hub).toEqual({ requests: 2, sqlStatements: 2 });
  });
});
