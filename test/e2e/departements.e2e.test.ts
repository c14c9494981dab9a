/**
 * The departements subgraph, plugged in as a partner would: its credits reach cross-financing
 * (source DEPARTMENT) of structure, dossier, department and region with no gateway change; the
 * same rules, access model and audit as the other funders.
 */
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { call, laureate, testSiret } from "../support/fixtures";

const S1 = testSiret(21);
let hub: TestHub;
let cd44: string;
// a hub per test: each starts from the seed alone and records the credit it reads
beforeEach(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      const c = await call(s, "ars", { regionCode: "52", year: 2021 });
      await laureate(s, "ars", c, { siret: S1, amount: 40_000, departments: ["44"], projectRef: "R-CD" });
    },
  });
  cd44 = await hub.auth.token("cd:44");
});
afterEach(() => (hub as TestHub | undefined)?.stop());

const record = `mutation($input: DepartmentalCreditInput!) { recordDepartmentalCredit(input: $input) { id programme amount year department { code } structure { siret name } project { ref } } }`;
const credit = (over: Record<string, unknown> = {}) => ({
  department: "44",
  year: 2021,
  programme: "LAUREATE_COFUNDING",
  siret: S1,
  structureName: "Structure cofinancée",
  title: "Cofinancement du lauréat",
  amount: 12_500.25,
  projectRef: "R-CD",
  ...over,
});
/** The credit of the tests that read it, recorded through the gateway as cd:44. */
async function recordCredit() {
  const recorded = await hub.query(record, { input: credit() }, undefined, cd44);
  expect(recorded.errors).toBeUndefined();
  return recorded;
}
const count = async () =>
  Number((await hub.subgraphs.departements.database.dataSource.query("SELECT COUNT(*) AS n FROM departmental_credit"))[0].n);

test("only cd:<department> writes its credits, within the rules, and nothing is written on refusal", async () => {
  const cases: [Record<string, unknown>, string | undefined, string, RegExp][] = [
    [credit(), undefined, "UNAUTHENTICATED", /Authentification/],
    [credit(), await hub.auth.token("cd:49"), "FORBIDDEN", /cd:44/],
    [credit(), await hub.auth.token("caf:44"), "FORBIDDEN", /cd:44/],
    [credit({ siret: "11111111111111" }), cd44, "BAD_USER_INPUT", /SIRET invalide/],
    [credit({ amount: -1 }), cd44, "BAD_USER_INPUT", /strictement positif/],
    [credit({ year: 2015 }), cd44, "BAD_USER_INPUT", /entre 2021 et 2030/],
  ];
  for (const [input, token, code, message] of cases) {
    const result = await hub.query(record, { input }, undefined, token);
    expect({ code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message }).toEqual({
      code,
      message: expect.stringMatching(message),
    });
  }
  expect(await count()).toBe(0);
  const ok = await recordCredit();
  expect(ok.data.recordDepartmentalCredit).toMatchObject({
    programme: "LAUREATE_COFUNDING",
    amount: 12500.25,
    department: { code: "44" },
    project: { ref: "R-CD" },
  });
  const again = await hub.query(record, { input: credit() }, undefined, cd44);
  expect(again.errors?.[0]?.message).toMatch(/déjà enregistré/);
  expect(await count()).toBe(1);
});

test("its credits appear in cross-financing, source DEPARTMENT, of structure, dossier, department and region", async () => {
  await recordCredit();
  const funder = "Conseil départemental 44 Loire-Atlantique";
  const structure = (await hub.query(contractQuery("StructureFinancing"), { siret: S1 })).data.structure.crossFinancing;
  expect(structure).toMatchObject({ total: 52500.25, funders: ["ARS Pays de la Loire", funder] });
  expect(structure.bySource).toEqual([
    { source: "FIR", amount: 40000 },
    { source: "DEPARTMENT", amount: 12500.25 },
  ]);
  const dossier = (await hub.query(contractQuery("CoFinancedProject"), { ref: "R-CD" })).data.project.crossFinancing;
  expect(dossier.total).toBe(52500.25);
  const region = (await hub.query(contractQuery("RegionDashboard"), { region: "52", year: 2021 })).data.region.crossFinancing;
  expect(region.bySource).toContainEqual({ source: "DEPARTMENT", amount: 12500.25 });
  const department = (
    await hub.query(`{ department(code: "44") { crossFinancing(year: 2021) { total funders } departmentalCredits { amount } } }`)
  ).data.department;
  expect(department).toEqual({
    crossFinancing: { total: 52500.25, funders: ["ARS Pays de la Loire", funder] },
    departmentalCredits: [{ amount: 12500.25 }],
  });
});

test("its writes are in its audit trail, for its owner and the national level", async () => {
  await recordCredit();
  const q = `{ departementsAuditTrail { organisation operation } }`;
  expect((await hub.query(q, undefined, undefined, cd44)).data.departementsAuditTrail).toEqual([
    { organisation: "cd:44", operation: "recordDepartmentalCredit" },
  ]);
  expect((await hub.query(q, undefined, undefined, await hub.auth.token("national"))).data.departementsAuditTrail).toHaveLength(1);
  expect((await hub.query(q, undefined, undefined, await hub.auth.token("cd:49"))).data.departementsAuditTrail).toEqual([]);
});
