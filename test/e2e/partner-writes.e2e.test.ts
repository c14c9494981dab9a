/**
 * Partner writes through the gateway: every contract mutation, unchanged; every rule of the
 * instructions and every access case refused with the right code, a French message naming the
 * rule, and nothing written (every table of every subgraph read back).
 * The hub is shared, so each test writes its own calls, projects and Maisons (own titles and
 * dossier refs) and reads only what it wrote: any test runs alone and in any order.
 */
import { LABELLING_CRITERIA } from "../../subgraphs/domain/reference/labelling-criteria";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { databaseState } from "../support/database-state";
import { testSiret } from "../support/fixtures";

let hub: TestHub;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  hub = await startTestHub();
  for (const org of ["ars:52", "ars:53", "dreets:52", "caf:44", "caf:49", "cd:44", "national", "ars:04"])
    tokens[org] = await hub.auth.token(org);
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const run = (name: string, variables: Record<string, unknown>, org?: string) =>
  hub.query(contractQuery(name), variables, name, org ? tokens[org] : undefined);

/** Runs a write that must be refused, and checks that nothing was written. */
async function refused(name: string, variables: Record<string, unknown>, org: string | undefined, code: string, message: RegExp) {
  const before = await databaseState(hub);
  const result = await run(name, variables, org);
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.errors?.[0]?.message).toMatch(message);
  expect(await databaseState(hub)).toBe(before);
  return result;
}

const callInput = (over: Record<string, unknown> = {}) => ({
  region: "52",
  year: 2021,
  title: "1000 premiers jours en Pays de la Loire : initiatives en faveur de la santé du jeune enfant",
  axes: ["SCREENING_CONTINUITY", "PARENT_ISOLATION"],
  joint: true,
  envelope: 150000,
  deadline: "2021-06-15",
  resultsDue: "2021-08-31",
  ...over,
});
const S1 = testSiret(11);
const S2 = testSiret(12);
const CO_FINANCED = "DOSSIER-1";
const awardOf = (callId: string, over: Record<string, unknown> = {}) => ({
  callId,
  title: "Visites à domicile après la naissance",
  siret: S1,
  structureName: "Association Les Premiers Pas (test)",
  departments: ["44"],
  axes: ["PARENT_ISOLATION"],
  amount: 60000.1,
  projectRef: "DOSSIER-1",
  description: "Projet de test",
  ...over,
});
// La Poste's SIRET escapes Luhn but follows its own rule
const laPosteAward = (callId: string) =>
  awardOf(callId, {
    siret: "35600000000047",
    structureName: "La Poste (test)",
    title: "Accueil en bureau de poste",
    amount: 40000,
    projectRef: null,
  });

/** Opens a call of its own (its own title) on one side, and returns its id. */
async function openCall(side: "Health" | "Social", title: string, over: Record<string, unknown> = {}): Promise<string> {
  const result = await run(`Open${side}Call`, { input: callInput({ title, ...over }) }, side === "Health" ? "ars:52" : "dreets:52");
  expect(result.errors).toBeUndefined();
  return result.data[`open${side}Call`].id;
}

/** Awards a project within the rules on one side, and returns the laureate's id. */
async function awarded(side: "Health" | "Social", input: Record<string, unknown>): Promise<string> {
  const result = await run(`Award${side}Project`, { input }, side === "Health" ? "ars:52" : "dreets:52");
  expect(result.errors).toBeUndefined();
  return result.data[`award${side}Project`].id;
}

const grant = (over: Record<string, unknown> = {}) => ({
  department: "44",
  year: 2023,
  fund: "CAF_REAAP",
  siret: S1,
  structureName: "Association Les Premiers Pas (test)",
  title: "Groupes de parents",
  amount: 5000.5,
  axes: ["PARENT_ISOLATION"],
  projectRef: "DOSSIER-CAF",
  ...over,
});
const maison = (over: Record<string, unknown> = {}) => ({
  territory: "04",
  title: "Maison des 1000 premiers jours de Saint-Denis (test)",
  carriers: [{ siret: S2, name: "Centre social de test" }],
  objectives: "Prévention et soutien à la parentalité en un lieu",
  actions: "Consultations, groupes de parents",
  governance: "ARS, DEETS, CAF, département",
  resources: "Deux sages-femmes",
  phasing: "Diagnostic puis actions",
  evaluation: "Comité de suivi",
  budget: [
    { year: 2024, source: "FIR", amount: 200000 },
    { year: 2025, source: "DEPARTMENT", amount: 50000.5 },
  ],
  projectRef: null,
  ...over,
});

/** Submits a Maison of its own (its own title) for the ARS of La Réunion, and returns its id. */
async function submitMaison(title: string): Promise<string> {
  const result = await run("SubmitMaisonProject", { input: maison({ title }) }, "ars:04");
  expect(result.errors).toBeUndefined();
  return result.data.submitMaisonProject.id;
}

describe("regional calls (ARS health side, DREETS social side)", () => {
  test("UNAUTHENTICATED without a token, FORBIDDEN for another organisation or territory", async () => {
    await refused("OpenHealthCall", { input: callInput() }, undefined, "UNAUTHENTICATED", /Authentification requise/);
    await refused("OpenHealthCall", { input: callInput() }, "ars:53", "FORBIDDEN", /ars:52/);
    await refused("OpenHealthCall", { input: callInput() }, "dreets:52", "FORBIDDEN", /ars:52/);
    await refused("OpenSocialCall", { input: callInput() }, "ars:52", "FORBIDDEN", /dreets:52/);
  });

  test("an ARS opens its health call, the DREETS its social call: envelopes distinct", async () => {
    const health = await run("OpenHealthCall", { input: callInput() }, "ars:52");
    expect(health.errors).toBeUndefined();
    expect(health.data.openHealthCall).toMatchObject({
      region: { code: "52" },
      year: 2021,
      joint: true,
      envelope: 150000,
      minimumAward: 200000,
    });
    const social = await run(
      "OpenSocialCall",
      { input: callInput({ envelope: 100000, title: "1000 premiers jours en Pays de la Loire : accompagnement des parents" }) },
      "dreets:52",
    );
    expect(social.errors).toBeUndefined();
  });

  test("a call's rules: region in the COG, years of the policy, at least one axis, positive amount in cents, no duplicate", async () => {
    const title = "1000 premiers jours en Pays de la Loire : appel des règles (test)";
    await openCall("Health", title);
    await refused("OpenHealthCall", { input: callInput({ region: "99" }) }, "ars:52", "BAD_USER_INPUT", /Code région inconnu/);
    await refused(
      "OpenHealthCall",
      { input: callInput({ year: 2019, title: "x" }) },
      "ars:52",
      "BAD_USER_INPUT",
      /entre 2021 et 2030.*\(year\)/,
    );
    await refused(
      "OpenHealthCall",
      { input: callInput({ axes: [], title: "x" }) },
      "ars:52",
      "BAD_USER_INPUT",
      /Au moins un des 6 axes.*\(axes\)/,
    );
    await refused(
      "OpenHealthCall",
      { input: callInput({ envelope: -5, title: "x" }) },
      "ars:52",
      "BAD_USER_INPUT",
      /strictement positif.*\(envelope\)/,
    );
    await refused("OpenHealthCall", { input: callInput({ envelope: 100.001, title: "x" }) }, "ars:52", "BAD_USER_INPUT", /deux décimales/);
    await refused(
      "OpenHealthCall",
      { input: callInput({ deadline: "15/06/2021", title: "x" }) },
      "ars:52",
      "BAD_USER_INPUT",
      /AAAA-MM-JJ.*\(deadline\)/,
    );
    await refused("OpenHealthCall", { input: callInput({ title }) }, "ars:52", "BAD_USER_INPUT", /existe déjà/);
  });

  test("awarding: the rules of the instructions, each refused with nothing written", async () => {
    // a call of its own with nothing awarded yet: its whole envelope is free
    const callId = await openCall("Health", "1000 premiers jours en Pays de la Loire : appel des refus (test)");
    const award = (over: Record<string, unknown> = {}) => awardOf(callId, over);
    await refused("AwardHealthProject", { input: award() }, undefined, "UNAUTHENTICATED", /Authentification/);
    await refused("AwardHealthProject", { input: award() }, "ars:53", "FORBIDDEN", /ars:52/);
    await refused("AwardHealthProject", { input: award({ callId: "999999" }) }, "ars:52", "BAD_USER_INPUT", /Appel à projets inconnu/);
    await refused(
      "AwardHealthProject",
      { input: award({ siret: "12345678901234" }) },
      "ars:52",
      "BAD_USER_INPUT",
      /SIRET invalide.*\(siret\)/,
    );
    await refused("AwardHealthProject", { input: award({ axes: [] }) }, "ars:52", "BAD_USER_INPUT", /Au moins un des 6 axes/);
    await refused(
      "AwardHealthProject",
      { input: award({ axes: ["CULTURAL_AWAKENING"] }) },
      "ars:52",
      "BAD_USER_INPUT",
      /non retenu.*CULTURAL_AWAKENING.*\(axes\)/,
    );
    await refused(
      "AwardHealthProject",
      { input: award({ departments: ["44", "35"] }) },
      "ars:52",
      "BAD_USER_INPUT",
      /extrarégionale.*35.*\(departments\)/,
    );
    await refused("AwardHealthProject", { input: award({ departments: [] }) }, "ars:52", "BAD_USER_INPUT", /Au moins un département/);
    await refused("AwardHealthProject", { input: award({ amount: 0 }) }, "ars:52", "BAD_USER_INPUT", /strictement positif.*\(amount\)/);
    await refused("AwardHealthProject", { input: award({ amount: 12.345 }) }, "ars:52", "BAD_USER_INPUT", /deux décimales.*\(amount\)/);
    await refused("AwardHealthProject", { input: award({ amount: 150000.01 }) }, "ars:52", "BAD_USER_INPUT", /dépasseraient l'enveloppe/);
  });

  test("an award within the rules is recorded; the minimum award is shown as met or not", async () => {
    const healthCallId = await openCall("Health", "1000 premiers jours en Pays de la Loire : appel des lauréats (test)");
    const socialCallId = await openCall("Social", "1000 premiers jours en Pays de la Loire : appel social des lauréats (test)", {
      envelope: 100000,
    });
    // a dossier no other test funds, so its cross-financing is these two awards alone
    const award = (over: Record<string, unknown> = {}) => awardOf(healthCallId, { projectRef: CO_FINANCED, ...over });
    const first = await run("AwardHealthProject", { input: award() }, "ars:52");
    expect(first.errors).toBeUndefined();
    expect(first.data.awardHealthProject).toMatchObject({
      amount: 60000.1,
      status: "AWARDED",
      call: { id: healthCallId, awarded: 60000.1 },
      project: { ref: CO_FINANCED },
    });
    const laPoste = await run("AwardHealthProject", { input: laPosteAward(healthCallId) }, "ars:52");
    expect(laPoste.errors).toBeUndefined();
    const call = await hub.query(`{ healthCall(id: "${healthCallId}") { awarded minimumAward minimumAwardMet } }`);
    expect(call.data.healthCall).toEqual({ awarded: 100000.1, minimumAward: 200000, minimumAwardMet: false });
    await refused("AwardHealthProject", { input: award() }, "ars:52", "BAD_USER_INPUT", /déjà lauréat/);
    // joint call: the same project funded by both envelopes, each euro in one envelope
    const social = await run("AwardSocialProject", { input: award({ callId: socialCallId, amount: 30000.33 }) }, "dreets:52");
    expect(social.errors).toBeUndefined();
    const dossier = await hub.query(contractQuery("CoFinancedProject"), { ref: CO_FINANCED });
    expect(dossier.data.project.crossFinancing.bySource).toEqual([
      { source: "FIR", amount: 60000.1 },
      { source: "P304_17", amount: 30000.33 },
    ]);
  });

  test("renewal only after a favourable evaluation; a withdrawn project stops counting", async () => {
    const callId = await openCall("Health", "1000 premiers jours en Pays de la Loire : appel des reconductions (test)");
    const p1 = await awarded("Health", awardOf(callId, { projectRef: "DOSSIER-RENEWAL" }));
    const p2 = await awarded("Health", laPosteAward(callId));
    await refused("RenewHealthProject", { id: p1, year: 2023, amount: 20000 }, "ars:52", "BAD_USER_INPUT", /évaluation favorable/);
    await refused("RecordHealthEvaluation", { id: p1, favourable: true, summary: "ok" }, "ars:53", "FORBIDDEN", /ars:52/);
    expect(
      (await run("RecordHealthEvaluation", { id: p1, favourable: false, summary: "Résultats insuffisants" }, "ars:52")).data
        .recordHealthEvaluation,
    ).toEqual({ id: p1, status: "EVALUATED" });
    await refused("RenewHealthProject", { id: p1, year: 2023, amount: 20000 }, "ars:52", "BAD_USER_INPUT", /évaluation favorable/);
    expect((await run("RecordHealthEvaluation", { id: p1, favourable: true, summary: "Bons résultats" }, "ars:52")).errors).toBeUndefined();
    await refused("RenewHealthProject", { id: p1, year: 2021, amount: 20000 }, "ars:52", "BAD_USER_INPUT", /année postérieure/);
    const renewed = await run("RenewHealthProject", { id: p1, year: 2023, amount: 20000 }, "ars:52");
    expect(renewed.data.renewHealthProject).toMatchObject({ year: 2023, amount: 20000, status: "RENEWED" });
    await refused("RenewHealthProject", { id: p1, year: 2023, amount: 5000 }, "ars:52", "BAD_USER_INPUT", /déjà reconduit/);

    const before = (await hub.query(contractQuery("RegionDashboard"), { region: "52", year: 2021 })).data.region.crossFinancing.total;
    const withdrawn = await hub.query(
      `mutation { withdrawHealthProject(id: "${p2}", reason: "Structure dissoute") { status } }`,
      undefined,
      undefined,
      tokens["ars:52"],
    );
    expect(withdrawn.data.withdrawHealthProject.status).toBe("WITHDRAWN");
    const after = (await hub.query(contractQuery("RegionDashboard"), { region: "52", year: 2021 })).data.region.crossFinancing.total;
    expect(Math.round((before - after) * 100)).toBe(4_000_000); // the 40 000 € of the withdrawn project
  });
});

describe("CAF grants", () => {
  test("only the CAF of the department, only its own funds, no duplicate", async () => {
    await refused("RecordParentalityGrant", { input: grant() }, undefined, "UNAUTHENTICATED", /Authentification/);
    await refused("RecordParentalityGrant", { input: grant() }, "caf:49", "FORBIDDEN", /caf:44/);
    await refused("RecordParentalityGrant", { input: grant() }, "ars:52", "FORBIDDEN", /caf:44/);
    await refused("RecordParentalityGrant", { input: grant({ department: "00" }) }, "caf:44", "BAD_USER_INPUT", /Code département inconnu/);
    await refused("RecordParentalityGrant", { input: grant({ fund: "FIR" }) }, "caf:44", "BAD_USER_INPUT", /FIR.*non fongibles.*\(fund\)/);
    await refused(
      "RecordParentalityGrant",
      { input: grant({ fund: "P304_17" }) },
      "caf:44",
      "BAD_USER_INPUT",
      /n'est pas un fonds de la CAF/,
    );
    await refused("RecordParentalityGrant", { input: grant({ year: 2031 }) }, "caf:44", "BAD_USER_INPUT", /entre 2021 et 2030/);
    await refused("RecordParentalityGrant", { input: grant({ siret: "1234" }) }, "caf:44", "BAD_USER_INPUT", /SIRET invalide/);
    const recorded = await run("RecordParentalityGrant", { input: grant() }, "caf:44");
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordParentalityGrant).toMatchObject({
      fund: "CAF_REAAP",
      amount: 5000.5,
      year: 2023,
      department: { code: "44" },
      structure: { siret: S1 },
    });
    await refused("RecordParentalityGrant", { input: grant() }, "caf:44", "BAD_USER_INPUT", /déjà enregistrée/);
  });
});

describe("Maisons des 1000 premiers jours", () => {
  test("submitted by the ARS (or DEETS, CAF) of an overseas territory, with a 2024–2025 budget", async () => {
    await refused("SubmitMaisonProject", { input: maison() }, undefined, "UNAUTHENTICATED", /Authentification/);
    await refused("SubmitMaisonProject", { input: maison() }, "ars:52", "FORBIDDEN", /territoire 04/);
    await refused(
      "SubmitMaisonProject",
      { input: maison({ territory: "52" }) },
      "ars:52",
      "BAD_USER_INPUT",
      /cinq territoires d'outre-mer/,
    );
    await refused(
      "SubmitMaisonProject",
      { input: maison({ budget: [{ year: 2026, source: "FIR", amount: 10 }] }) },
      "ars:04",
      "BAD_USER_INPUT",
      /2024 ou 2025.*budget\[0\]\.year/,
    );
    await refused("SubmitMaisonProject", { input: maison({ carriers: [] }) }, "ars:04", "BAD_USER_INPUT", /Au moins un porteur/);
    await refused("SubmitMaisonProject", { input: maison({ governance: " " }) }, "ars:04", "BAD_USER_INPUT", /gouvernance est obligatoire/);
    const submitted = await run("SubmitMaisonProject", { input: maison() }, "ars:04");
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitMaisonProject).toMatchObject({
      decision: "PENDING",
      phase: "SUBMITTED",
      territory: { code: "04" },
      budgetTotal: 250000.5,
    });
    await refused("SubmitMaisonProject", { input: maison() }, "ars:04", "BAD_USER_INPUT", /déjà soumis/);
  });

  test("the national committee assesses the 10 criteria listed by a query, and labels only a fully assessed project", async () => {
    const maisonId = await submitMaison("Maison des 1000 premiers jours de Saint-Pierre (test)");
    const criteria = (await hub.query("{ labellingCriteria { code label } }")).data.labellingCriteria;
    expect(criteria.map((c: { code: string }) => c.code)).toEqual(LABELLING_CRITERIA.map((c) => c.code));
    await refused(
      "AssessMaisonProject",
      { id: maisonId, criteria: [{ code: "OBJECTIVES_ONE_PLACE", met: true }] },
      "ars:04",
      "FORBIDDEN",
      /national/,
    );
    await refused(
      "AssessMaisonProject",
      { id: maisonId, criteria: [{ code: "NOT_A_CRITERION", met: true }] },
      "national",
      "BAD_USER_INPUT",
      /inconnu/,
    );
    const partial = await run(
      "AssessMaisonProject",
      { id: maisonId, criteria: criteria.slice(0, 9).map((c: { code: string }) => ({ code: c.code, met: true })) },
      "national",
    );
    expect(partial.data.assessMaisonProject.assessment).toEqual({ met: 9, total: 10 });
    await refused("DecideMaisonProject", { id: maisonId, decision: "LABELLED" }, "national", "BAD_USER_INPUT", /10 critères/);
    await refused("DecideMaisonProject", { id: maisonId, decision: "LABELLED" }, "ars:04", "FORBIDDEN", /national/);
    await run("AssessMaisonProject", { id: maisonId, criteria: [{ code: criteria[9].code, met: false }] }, "national");
    const before = (await hub.query(contractQuery("RegionDashboard"), { region: "04", year: 2024 })).data.region.crossFinancing.total;
    const labelled = await run("DecideMaisonProject", { id: maisonId, decision: "LABELLED" }, "national");
    expect(labelled.data.decideMaisonProject).toEqual({ id: maisonId, decision: "LABELLED" });
    const after = (await hub.query(contractQuery("RegionDashboard"), { region: "04", year: 2024 })).data.region.crossFinancing.total;
    expect(after - before).toBe(200000); // a labelled Maison's 2024 budget now counts
  });
});

describe("audit trail", () => {
  const trail = `query($last: Int) { healthAuditTrail(last: $last) { organisation operation entity entityId changes } cafAuditTrail { organisation operation } maisonsAuditTrail { organisation operation } }`;
  type Trail = Record<
    "healthAuditTrail" | "cafAuditTrail" | "maisonsAuditTrail",
    { organisation: string; operation: string; changes?: string }[]
  >;
  /** The entries recorded since `before` (the trails list the most recent first). */
  const since = (after: Trail, before: Trail) =>
    Object.fromEntries(
      Object.entries(after).map(([field, entries]) => [field, entries.slice(0, entries.length - before[field as keyof Trail].length)]),
    ) as Trail;

  test("every write is recorded; its owner and the national level can read it, nobody else", async () => {
    // the trails are read before and after this test's own writes: other tests' writes do not count
    const nationalBefore = (await hub.query(trail, { last: 500 }, undefined, tokens.national)).data as Trail;
    const ownBefore = (await hub.query(trail, {}, undefined, tokens["caf:44"])).data as Trail;
    const callId = await openCall("Health", "1000 premiers jours en Pays de la Loire : appel de l'audit (test)");
    const projectId = await awarded("Health", awardOf(callId, { projectRef: "DOSSIER-AUDIT" }));
    const laPosteId = await awarded("Health", laPosteAward(callId));
    expect(
      (await run("RecordHealthEvaluation", { id: projectId, favourable: true, summary: "Bons résultats" }, "ars:52")).errors,
    ).toBeUndefined();
    expect((await run("RenewHealthProject", { id: projectId, year: 2023, amount: 20000 }, "ars:52")).errors).toBeUndefined();
    const withdrawn = await hub.query(
      `mutation { withdrawHealthProject(id: "${laPosteId}", reason: "Structure dissoute") { status } }`,
      undefined,
      undefined,
      tokens["ars:52"],
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(
      (await run("RecordParentalityGrant", { input: grant({ title: "Groupes de parents (audit)" }) }, "caf:44")).errors,
    ).toBeUndefined();
    // a Maison submitted, assessed in two passes, then labelled
    const maisonId = await submitMaison("Maison des 1000 premiers jours du Port (test)");
    const codes = LABELLING_CRITERIA.map((c) => c.code);
    for (const batch of [codes.slice(0, 9), codes.slice(9)]) {
      const assessed = await run("AssessMaisonProject", { id: maisonId, criteria: batch.map((code) => ({ code, met: true })) }, "national");
      expect(assessed.errors).toBeUndefined();
    }
    expect((await run("DecideMaisonProject", { id: maisonId, decision: "LABELLED" }, "national")).errors).toBeUndefined();

    const national = since((await hub.query(trail, { last: 500 }, undefined, tokens.national)).data as Trail, nationalBefore);
    expect(national.healthAuditTrail.map((e: { operation: string }) => e.operation)).toEqual(
      expect.arrayContaining([
        "openHealthCall",
        "awardHealthProject",
        "recordHealthEvaluation",
        "renewHealthProject",
        "withdrawHealthProject",
      ]),
    );
    expect(national.cafAuditTrail).toEqual([{ organisation: "caf:44", operation: "recordParentalityGrant" }]);
    expect(national.maisonsAuditTrail.map((e: { organisation: string }) => e.organisation)).toEqual([
      "national",
      "national",
      "national",
      "ars:04",
    ]);
    const award = national.healthAuditTrail.find((e: { operation: string }) => e.operation === "awardHealthProject");
    expect(JSON.parse(award?.changes ?? "null")).toMatchObject({ siret: expect.any(String), amount: expect.any(Number) });

    const ownAfter = (await hub.query(trail, {}, undefined, tokens["caf:44"])).data as Trail;
    expect(since(ownAfter, ownBefore).cafAuditTrail).toHaveLength(1);
    expect(ownAfter.healthAuditTrail).toEqual([]);
    const other = (await hub.query(trail, {}, undefined, tokens["caf:49"])).data;
    expect(other.cafAuditTrail).toEqual([]);
    const anonymous = await hub.query(trail, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
