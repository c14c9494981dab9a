/**
 * The explorer's root fields in the response cache: a funder's list under a territory or a year
 * filter, and the structure search, stay cached through a write elsewhere and refresh (new member
 * visible, never stale) after a write that changes them. A CAF grant recorded in Loire-Atlantique
 * (44, Pays de la Loire 52) in 2024 for a structure new to the directory. Cached or not is counted
 * in subgraph calls. Fictitious data.
 */
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { grant, testSiret } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";

const YEAR = 2024;
const NEW_NAME = "Ludothèque des Embruns (fictif)";
const SIRET_NEW = testSiret(631);

const GRANTS = `query Explore($filter: ParentalityGrantFilter) { parentalityGrants(filter: $filter, first: 50) { totalCount edges { node { id amount structure { siret name } } } } }`;
const CREDITS = `query Explore($filter: DepartmentalCreditFilter) { departmentalCredits(filter: $filter, first: 50) { totalCount } }`;
const SEARCH = `query Search($search: String!) { structures(search: $search) { totalCount edges { node { siret name } } } }`;

const READS = {
  grants44: [GRANTS, { filter: { department: "44" } }],
  grantsPdl: [GRANTS, { filter: { region: "52", year: YEAR } }],
  grants2024: [GRANTS, { filter: { year: YEAR } }],
  grantsAll: [GRANTS, { filter: null }],
  grantsOccitanie: [GRANTS, { filter: { region: "76" } }],
  grants2023: [GRANTS, { filter: { year: 2023 } }],
  credits31: [CREDITS, { filter: { department: "31" } }],
  search: [SEARCH, { search: "embruns" }],
} as const;
type ReadName = keyof typeof READS;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (subgraphs) => {
      await grant(subgraphs, { departmentCode: "44", year: YEAR, fund: FundingSource.CAF_FNP, siret: testSiret(632), amount: 10_000 });
      await grant(subgraphs, { departmentCode: "31", year: YEAR, fund: FundingSource.CAF_FNP, siret: testSiret(633), amount: 7_000 });
      await grant(subgraphs, { departmentCode: "44", year: 2023, fund: FundingSource.CAF_FNP, siret: testSiret(634), amount: 3_000 });
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

/** One read: its answer and the subgraph calls it cost (0: served from the cache). */
async function read(name: ReadName) {
  const [query, variables] = READS[name];
  let data: Record<string, { totalCount: number; edges?: { node: { structure?: { siret: string }; siret?: string } }[] }> = {};
  const spent = await hub.measure(async () => {
    const result = await hub.query(query, variables);
    expect(result.errors).toBeUndefined();
    data = result.data;
  });
  return { page: Object.values(data)[0], calls: Object.values(spent).reduce((sum, s) => sum + s.requests, 0) };
}
const callsOf = async (names: readonly ReadName[]) =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await read(n)).calls] as const)));

test("a CAF grant in 44 in 2024 refreshes the lists it joins and the search that finds its new structure; the others stay cached", async () => {
  const before = Object.fromEntries(await Promise.all((Object.keys(READS) as ReadName[]).map(async (n) => [n, await read(n)] as const)));
  // warm: every read again costs nothing
  expect(Object.values(await callsOf(Object.keys(READS) as ReadName[])).every((calls) => calls === 0)).toBe(true);
  const written = await hub.query(
    contractQuery("RecordParentalityGrant"),
    {
      input: {
        department: "44",
        year: YEAR,
        fund: "CAF_REAAP",
        siret: SIRET_NEW,
        structureName: NEW_NAME,
        title: "Ateliers parents-enfants (fictif)",
        amount: 1_234.56,
      },
    },
    "RecordParentalityGrant",
    await hub.auth.token("caf:44"),
  );
  expect(written.errors).toBeUndefined();

  // elsewhere (Occitanie, 2023, another funder's list in 31): still served from the cache
  expect(await callsOf(["grantsOccitanie", "grants2023", "credits31"])).toEqual({ grantsOccitanie: 0, grants2023: 0, credits31: 0 });
  // the department, region-and-year, year and national lists each gain the grant, read from the subgraphs
  for (const name of ["grants44", "grantsPdl", "grants2024", "grantsAll"] as const) {
    const after = await read(name);
    expect(after.calls).toBeGreaterThan(0);
    expect(after.page.totalCount).toBe(before[name].page.totalCount + 1);
    expect(after.page.edges?.map((e) => e.node.structure?.siret)).toContain(SIRET_NEW);
  }
  // the search by the new name finds the structure the write added to the directory
  const search = await read("search");
  expect(search.calls).toBeGreaterThan(0);
  expect(before.search.page.totalCount).toBe(0);
  expect(search.page.edges?.map((e) => e.node)).toEqual([{ siret: SIRET_NEW, name: NEW_NAME }]);
});
