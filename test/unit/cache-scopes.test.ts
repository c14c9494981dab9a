/**
 * The scopes of the response cache: what a read depends on (its root fields, then its answer),
 * what a write changes, and the rule that joins them (a read is stale when a write changed one of
 * its scopes). Hand-written operations and answers, fictitious SIRETs.
 */
import { buildSchema, parse } from "graphql";
import {
  ANY,
  callScope,
  DIRECTORY,
  laureatesScope,
  MAISONS,
  parseWriteChanges,
  projectScope,
  readScopes,
  REFERENCE,
  SCOPE_BUCKETS,
  structureScope,
  UNSCOPED,
  writeScopes,
} from "../../gateway/cache-scopes";
import { answerScopes } from "../../gateway/answer-scopes";
import { mergeWriteChanges } from "../../subgraphs/platform/cache/write-changes";
import { memoryStore } from "../../gateway/scoped-store";

const SIRET_A = "11111111111111"; // fictitious
const SIRET_B = "22222222222222";
const read = (query: string, variables: Record<string, unknown> = {}) => readScopes(parse(query), undefined, variables);
const stale = (readScope: readonly string[], written: readonly string[]) => [...readScope, UNSCOPED].some((s) => written.includes(s));

describe("what a read depends on, from its root fields", () => {
  test("each known root field gives its scope, variables resolved", () => {
    expect(read("query($r: ID!) { region(code: $r) { code } }", { r: "52" })).toEqual(["region:52"]);
    expect(read('{ department(code: "44") { code } }')).toEqual(["department:44"]);
    expect(read(`{ structure(siret: "${SIRET_A}") { siret } project(ref: "D-1") { ref } }`)).toEqual([
      structureScope(SIRET_A),
      projectScope("D-1"),
    ]);
    expect(
      read("query($y: Int!) { healthProjects(filter: { year: $y }) { totalCount } socialProjects(filter: { year: $y }) { totalCount } }", {
        y: 2024,
      }),
    ).toEqual(["laureates:2024"]);
    expect(read("{ healthProjects { totalCount } }")).toEqual(["laureates"]);
    expect(read("{ maisonTerritories { hasLabelledProject } }")).toEqual([MAISONS]);
    expect(read("{ regions { code } axes { code } }")).toEqual([REFERENCE]);
  });

  test("a root field it does not know depends on every write; so does one reached through a fragment", () => {
    expect(read("{ crossFinancingByAxis(year: 2024) { total } }")).toEqual([ANY]);
    expect(read('query { ...F } fragment F on Query { region(code: "76") { code } coFunding { total } }')).toEqual(["region:76", ANY]);
  });
});

describe("the explorer's root fields", () => {
  const GRANTS = "query($f: ParentalityGrantFilter) { parentalityGrants(filter: $f) { totalCount } }";
  test("a funder's list depends on the narrowest of its filter's department, region and year; unfiltered, on every write", () => {
    expect(read(GRANTS, { f: { department: "44", region: "52", year: 2024 } })).toEqual(["department:44"]);
    expect(read(GRANTS, { f: { region: "76", year: 2024, text: "crèche" } })).toEqual(["region:76"]);
    expect(read("{ departmentalCredits(filter: { year: 2023, axes: [HEALTH_PROMOTION] }) { totalCount } }")).toEqual(["year:2023"]);
    expect(read(GRANTS, { f: null })).toEqual([ANY]);
    expect(read("{ departmentalCredits { totalCount } }")).toEqual([ANY]);
  });

  test("a grant in 44 in 2024 changes the lists of 44, of region 52 and of 2024, not those of 76 nor of 2023", () => {
    const scopes = writeScopes({ departments: ["44"], structures: [SIRET_A], years: [2024] });
    for (const filter of [{ department: "44" }, { region: "52" }, { year: 2024 }])
      expect(stale(read(GRANTS, { f: filter }), scopes)).toBe(true);
    for (const filter of [{ department: "31" }, { region: "76", year: 2024 }, { year: 2023 }])
      expect(stale(read(GRANTS, { f: filter }), scopes)).toBe(false);
  });

  test("the structure search depends on the directory, which any write naming a SIRET may grow", () => {
    expect(read('{ structures(search: "crèche") { totalCount } }')).toEqual([DIRECTORY]);
    expect(writeScopes({ departments: ["44"], structures: [SIRET_A], years: [2024] })).toContain(DIRECTORY);
    expect(writeScopes({ regions: ["52"], calls: ["health:3"], years: [2024] })).not.toContain(DIRECTORY);
  });

  test("a laureate by its id depends on the national lists (every laureate write changes them)", () => {
    expect(read('{ healthProject(id: "3") { id } socialProject(id: "4") { id } }')).toEqual([laureatesScope()]);
  });
});

describe("what a write changes", () => {
  test("a CAF grant in 44: the department, its region (52, from the COG), the structure, the dossier, the year", () => {
    const scopes = writeScopes({ departments: ["44"], structures: [SIRET_A], projects: ["D-1"], years: [2024] });
    expect(scopes.sort()).toEqual(
      [ANY, "department:44", "region:52", structureScope(SIRET_A), DIRECTORY, projectScope("D-1"), "year:2024"].sort(),
    );
    expect(stale(["region:52"], scopes)).toBe(true);
    expect(stale(["region:76"], scopes)).toBe(false);
    expect(stale([structureScope(SIRET_B)], scopes)).toBe(structureScope(SIRET_B) === structureScope(SIRET_A));
    expect(stale([laureatesScope(2024)], scopes)).toBe(false);
    expect(stale([ANY], scopes)).toBe(true);
  });

  test("a laureate changes the national lists of its year and of any year; a Maison the board", () => {
    const scopes = writeScopes({ regions: ["52"], departments: ["49"], calls: ["health:3"], years: [2023], lists: ["laureates"] });
    expect(scopes).toEqual(expect.arrayContaining(["region:52", "department:49", callScope("health", "3"), "laureates:2023", "laureates"]));
    expect(stale(["laureates:2024"], scopes)).toBe(false);
    expect(writeScopes({ regions: ["04"], lists: ["maisons"] })).toContain(MAISONS);
  });

  test("no report, a report of everything or an unknown department: every answer", () => {
    expect(writeScopes(null)).toContain(UNSCOPED);
    expect(writeScopes({ everything: true })).toContain(UNSCOPED);
    expect(writeScopes({ departments: ["99"] })).toContain(UNSCOPED);
    expect(stale([REFERENCE], writeScopes(null))).toBe(true);
  });

  test("a report of the wrong shape is no report", () => {
    expect(parseWriteChanges({ departments: [44] })).toBeNull();
    expect(parseWriteChanges("44")).toBeNull();
    expect(parseWriteChanges({ lists: ["grants"] })).toBeNull();
    expect(parseWriteChanges({ departments: ["44"], years: [2024] })).toEqual({ departments: ["44"], years: [2024] });
  });

  test("reports merge, each value once", () => {
    expect(mergeWriteChanges([{ structures: [SIRET_A] }, { structures: [SIRET_A, SIRET_B], years: [2024] }])).toEqual({
      structures: [SIRET_A, SIRET_B],
      years: [2024],
    });
    expect(mergeWriteChanges([{ years: [2024] }, { everything: true }]).everything).toBe(true);
  });

  test("structures and dossiers fall into a fixed number of buckets", () => {
    const buckets = new Set(Array.from({ length: 20_000 }, (_, i) => structureScope(String(10_000_000_000_000 + i))));
    expect(buckets.size).toBeLessThanOrEqual(SCOPE_BUCKETS);
    expect(buckets.size).toBeGreaterThan(SCOPE_BUCKETS * 0.9);
  });
});

const schema = buildSchema(`
  type Query { region(code: ID!): Region department(code: ID!): Department }
  type Region { code: ID! name: String! departments: [Department!]! healthCalls: [HealthCall!] total: Float }
  type Department { code: ID! name: String! region: Region! grants: [Grant!] }
  type Grant { id: ID! amount: Float! structure: Structure! }
  type Structure { siret: ID! name: String healthProjects: [HealthProject!] }
  type HealthProject { id: ID! amount: Float! call: HealthCall! }
  type HealthCall { id: ID! title: String! awarded: Float! region: Region! }
`);
const answer = (query: string, data: Record<string, unknown>) => answerScopes(schema, parse(query), undefined, {}, data).sort();

describe("what a read depends on, from its answer", () => {
  test("a structure listed by its key and name adds nothing; its laureate projects add the structure", () => {
    const grants = [{ id: "1", amount: 10, structure: { siret: SIRET_A, name: "A (fictif)" } }];
    expect(
      answer('{ department(code: "44") { code grants { id amount structure { siret name } } } }', { department: { code: "44", grants } }),
    ).toEqual([]);
    const withProjects = [
      { id: "1", amount: 10, structure: { siret: SIRET_A, healthProjects: [] } },
      { id: "2", amount: 5, structure: { siret: SIRET_B, healthProjects: [] } },
    ];
    expect(
      answer('{ department(code: "44") { grants { id structure { siret healthProjects { id } } } } }', {
        department: { grants: withProjects },
      }),
    ).toEqual([structureScope(SIRET_A), structureScope(SIRET_B)].sort()); // the department itself: from its argument (readScopes)
  });

  test("a call's awarded total, a region's figures through a department: their own scopes", () => {
    const data = {
      department: {
        code: "44",
        region: { code: "52", total: 3 },
        grants: [{ structure: { siret: SIRET_A, healthProjects: [{ id: "7", call: { id: "3", title: "t", awarded: 1 } }] } }],
      },
    };
    expect(
      answer(
        '{ department(code: "44") { code region { code total } grants { structure { siret healthProjects { id call { id title awarded } } } } } }',
        data,
      ),
    ).toEqual(["region:52", structureScope(SIRET_A), callScope("health", "3")].sort());
    expect(
      answer('{ department(code: "44") { region { code name } } }', { department: { region: { code: "52", name: "Pays de la Loire" } } }),
    ).toEqual([]);
  });

  test("an entity whose key the query did not select depends on every write (at the root, its argument scopes it)", () => {
    expect(
      answer('{ department(code: "44") { grants { structure { healthProjects { id } } } } }', {
        department: { grants: [{ structure: { healthProjects: [] } }] },
      }),
    ).toEqual([ANY]);
    expect(answer('{ department(code: "44") { grants { id } } }', { department: { grants: [] } })).toEqual([]);
  });

  test("aliases and fragments are followed", () => {
    const data = { d: { code: "44", g: [{ s: { siret: SIRET_B, hp: [] } }] } };
    expect(
      answer(
        '{ d: department(code: "44") { code g: grants { s: structure { ...S } } } } fragment S on Structure { siret hp: healthProjects { id } }',
        data,
      ),
    ).toEqual([structureScope(SIRET_B)]);
  });
});

describe("the in-process store", () => {
  test("an answer is served until a write stamps one of its scopes after it was computed", async () => {
    const store = memoryStore(1024 * 1024);
    const { sequence } = await store.lookup("k");
    await store.bump(["region:52"]); // a write acknowledged while the read ran: the answer may predate it
    await store.save("k", { result: { data: 1 }, at: sequence!, scopes: ["region:52"] }, 60_000);
    expect((await store.lookup("k")).answer).toBeNull();
    const { sequence: later } = await store.lookup("k");
    await store.save("k", { result: { data: 2 }, at: later!, scopes: ["region:52"] }, 60_000);
    await store.bump(["region:76", ANY]);
    expect((await store.lookup("k")).answer?.result).toEqual({ data: 2 });
    await store.bump([UNSCOPED]);
    expect((await store.lookup("k")).answer).toBeNull();
  });
});
