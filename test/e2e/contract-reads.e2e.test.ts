/**
 * Every read operation of the public contract, unchanged, through the gateway, against known
 * fixture data: the expected figures are computed here by hand, not read back from the hub.
 */
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { MaisonDecision } from "../../subgraphs/maisons/maison.entities";
import { LABELLING_CRITERIA } from "../../subgraphs/domain/reference/labelling-criteria";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { call, grant, laureate, maison, testSiret } from "../support/fixtures";

const S1 = testSiret(1);
const S2 = testSiret(2);
const S3 = testSiret(3);
const S4 = testSiret(4);
const ids: Record<string, number> = {};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      // Pays de la Loire, 2021, joint call: a project funded by both envelopes and the CAF (dossier R1).
      const health = await call(s, "ars", {
        regionCode: "52",
        year: 2021,
        joint: true,
        axes: [Axis.SCREENING_CONTINUITY, Axis.PARENT_ISOLATION],
      });
      const social = await call(s, "dreets", { regionCode: "52", year: 2021, joint: true, envelope: 100_000 });
      ids.p1 = await laureate(s, "ars", health, { siret: S1, amount: 60_000.1, departments: ["44", "49"], projectRef: "R1" });
      ids.p2 = await laureate(s, "ars", health, { siret: S2, amount: 45_000.05, departments: ["85"], status: GrantStatus.WITHDRAWN });
      ids.p3 = await laureate(s, "ars", health, {
        siret: S1,
        amount: 50_000,
        departments: ["49"],
        status: GrantStatus.EVALUATED,
        title: "Second projet",
      });
      ids.p3renewal = await laureate(s, "ars", health, {
        siret: S1,
        amount: 20_000,
        year: 2023,
        departments: ["49"],
        status: GrantStatus.RENEWED,
        renewedFromId: ids.p3,
        title: "Second projet",
      });
      ids.s1 = await laureate(s, "dreets", social, { siret: S1, amount: 30_000.33, departments: ["44"], projectRef: "R1" });
      // Bretagne, 2021: another region, must not leak into Pays de la Loire.
      const breton = await call(s, "ars", { regionCode: "53", year: 2021 });
      ids.b1 = await laureate(s, "ars", breton, { siret: S4, amount: 70_000, departments: ["35"] });
      ids.g1 = await grant(s, {
        departmentCode: "44",
        year: 2021,
        fund: FundingSource.CAF_FNP,
        siret: S1,
        amount: 5_000.5,
        projectRef: "R1",
        axes: [Axis.PARENT_ISOLATION],
      });
      ids.g2 = await grant(s, { departmentCode: "44", year: 2021, fund: FundingSource.CAF_REAAP, siret: S3, amount: 1_200 });
      ids.g3 = await grant(s, { departmentCode: "49", year: 2022, fund: FundingSource.CAF_LAEP, siret: S1, amount: 999.99 });
      const allMet = Object.fromEntries(LABELLING_CRITERIA.map((c) => [c.code, true]));
      ids.m1 = await maison(s, {
        territoryCode: "04",
        carriers: [S3, S4],
        decision: MaisonDecision.LABELLED,
        criteria: allMet,
        budget: [
          { year: 2024, source: FundingSource.FIR, amount: 200_000 },
          { year: 2025, source: FundingSource.DEPARTMENT, amount: 80_000.4 },
        ],
      });
      ids.m2 = await maison(s, {
        territoryCode: "06",
        carriers: [S3],
        decision: MaisonDecision.PENDING,
        criteria: { OBJECTIVES_ONE_PLACE: true, VALUE_FATHERS: false },
        budget: [{ year: 2024, source: FundingSource.FIR, amount: 150_000 }],
      });
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

test("RegionDashboard: both halves of the call, CAF grants per department, cross-financing of the year", async () => {
  const { data, errors } = await hub.query(contractQuery("RegionDashboard"), { region: "52", year: 2021 });
  expect(errors).toBeUndefined();
  const region = data.region;
  expect(region).toMatchObject({ code: "52", name: "Pays de la Loire", overseas: false });
  expect(region.healthCalls).toHaveLength(1);
  const [healthCall] = region.healthCalls;
  expect(healthCall).toMatchObject({
    year: 2021,
    joint: true,
    envelope: 100000,
    minimumAward: 200000,
    axes: ["SCREENING_CONTINUITY", "PARENT_ISOLATION"],
  });
  expect(healthCall.awarded).toBe(110000.1); // 60 000,10 + 50 000 ; the withdrawn project does not count
  expect(healthCall.projects.map((p: { id: string }) => p.id)).toEqual([String(ids.p1), String(ids.p2), String(ids.p3)]);
  expect(healthCall.projects[0]).toMatchObject({
    amount: 60000.1,
    status: "AWARDED",
    departments: [{ code: "44" }, { code: "49" }],
    structure: { siret: S1, name: `Structure ${S1}` },
    project: { ref: "R1" },
  });
  expect(healthCall.projects[1]).toMatchObject({ status: "WITHDRAWN", project: null });
  expect(region.socialCalls[0]).toMatchObject({ awarded: 30000.33, minimumAward: 200000 });
  expect(region.departments.map((d: { code: string }) => d.code)).toEqual(["44", "49", "53", "72", "85"]);
  const loireAtlantique = region.departments.find((d: { code: string }) => d.code === "44");
  expect(loireAtlantique.parentalityGrants).toEqual([
    { id: String(ids.g1), fund: "CAF_FNP", amount: 5000.5, axes: ["PARENT_ISOLATION"], structure: { siret: S1, name: `Structure ${S1}` } },
    { id: String(ids.g2), fund: "CAF_REAAP", amount: 1200, axes: [], structure: { siret: S3, name: `Structure ${S3}` } },
  ]);
  expect(region.departments.find((d: { code: string }) => d.code === "49").parentalityGrants).toEqual([]); // 2022 grant, other year
  expect(region.crossFinancing).toEqual({
    total: 146200.93,
    bySource: [
      { source: "FIR", amount: 110000.1 },
      { source: "P304_17", amount: 30000.33 },
      { source: "CAF_FNP", amount: 5000.5 },
      { source: "CAF_REAAP", amount: 1200 },
    ],
  });
});

test("StructureFinancing: every funder's lines for one SIRET, by source, year and funder", async () => {
  const { data, errors } = await hub.query(contractQuery("StructureFinancing"), { siret: S1 });
  expect(errors).toBeUndefined();
  const s = data.structure;
  expect(s.name).toBe(`Structure ${S1}`);
  expect(s.healthProjects.map((p: { id: string }) => p.id)).toEqual([String(ids.p1), String(ids.p3), String(ids.p3renewal)]);
  expect(s.healthProjects[2]).toMatchObject({ year: 2023, amount: 20000, status: "RENEWED", call: { region: { code: "52" } } });
  expect(s.socialProjects).toEqual([
    {
      id: String(ids.s1),
      title: `Projet ${S1}`,
      amount: 30000.33,
      year: 2021,
      status: "AWARDED",
      call: { id: expect.any(String), region: { code: "52" } },
    },
  ]);
  expect(s.parentalityGrants).toEqual([
    { id: String(ids.g1), fund: "CAF_FNP", amount: 5000.5, year: 2021, department: { code: "44" } },
    { id: String(ids.g3), fund: "CAF_LAEP", amount: 999.99, year: 2022, department: { code: "49" } },
  ]);
  expect(s.maisonProjects).toEqual([]);
  expect(s.crossFinancing).toEqual({
    total: 166000.92, // 60 000,10 + 50 000 + 20 000 + 30 000,33 + 5 000,50 + 999,99
    bySource: [
      { source: "FIR", amount: 130000.1 },
      { source: "P304_17", amount: 30000.33 },
      { source: "CAF_FNP", amount: 5000.5 },
      { source: "CAF_LAEP", amount: 999.99 },
    ],
    byYear: [
      { year: 2021, total: 145000.93 },
      { year: 2022, total: 999.99 },
      { year: 2023, total: 20000 },
    ],
    funders: ["ARS Pays de la Loire", "CAF 44 Loire-Atlantique", "CAF 49 Maine-et-Loire", "DREETS Pays de la Loire"],
  });
});

test("StructureFinancing: a Maison carrier sees its labelled Maison, counted for the lead carrier only", async () => {
  const lead = (await hub.query(contractQuery("StructureFinancing"), { siret: S3 })).data.structure;
  expect(lead.maisonProjects.map((m: { id: string }) => m.id)).toEqual([String(ids.m1), String(ids.m2)]);
  expect(lead.maisonProjects[0]).toMatchObject({ decision: "LABELLED", territory: { code: "04" } });
  // the pending Maison of Mayotte does not count; the labelled one does, with its CAF grant
  expect(lead.crossFinancing.total).toBe(281200.4); // 200 000 + 80 000,40 + 1 200
  expect(lead.crossFinancing.funders).toEqual(["ARS La Réunion", "CAF 44 Loire-Atlantique", "Conseil départemental 974 La Réunion"]);
  const second = (await hub.query(contractQuery("StructureFinancing"), { siret: S4 })).data.structure;
  expect(second.crossFinancing.total).toBe(70000); // its Breton project only
});

test("CoFinancedProject: one dossier across ARS, DREETS and CAF", async () => {
  const { data, errors } = await hub.query(contractQuery("CoFinancedProject"), { ref: "R1" });
  expect(errors).toBeUndefined();
  expect(data.project).toEqual({
    ref: "R1",
    healthProjects: [{ id: String(ids.p1), amount: 60000.1, year: 2021, structure: { siret: S1 } }],
    socialProjects: [{ id: String(ids.s1), amount: 30000.33, year: 2021, structure: { siret: S1 } }],
    parentalityGrants: [{ id: String(ids.g1), fund: "CAF_FNP", amount: 5000.5, year: 2021 }],
    crossFinancing: {
      total: 95000.93,
      bySource: [
        { source: "FIR", amount: 60000.1 },
        { source: "P304_17", amount: 30000.33 },
        { source: "CAF_FNP", amount: 5000.5 },
      ],
      funders: ["ARS Pays de la Loire", "CAF 44 Loire-Atlantique", "DREETS Pays de la Loire"],
    },
  });
});

test("NationalLaureates: the national list of a year, paginated with cursors", async () => {
  const first = await hub.query(contractQuery("NationalLaureates"), { year: 2021, first: 2 });
  expect(first.errors).toBeUndefined();
  const health = first.data.healthProjects;
  expect(health.totalCount).toBe(4); // p1, p2, p3 in Pays de la Loire, b1 in Bretagne; not the 2023 renewal
  expect(health.pageInfo.hasNextPage).toBe(true);
  expect(health.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([String(ids.p1), String(ids.p2)]);
  expect(health.edges[0].node).toMatchObject({
    call: { region: { code: "52", name: "Pays de la Loire" } },
    structure: { siret: S1, name: `Structure ${S1}` },
  });
  expect(first.data.socialProjects).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
  const next = await hub.query(contractQuery("NationalLaureates"), { year: 2021, first: 2, after: health.pageInfo.endCursor });
  expect(next.data.healthProjects.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([String(ids.p3), String(ids.b1)]);
  expect(next.data.healthProjects.pageInfo.hasNextPage).toBe(false);
  expect(next.data.healthProjects.edges[1].node.call.region).toEqual({ code: "53", name: "Bretagne" });
});

test("CafDepartment: a CAF sees its grants beside the regional laureates of the same structures", async () => {
  const { data, errors } = await hub.query(contractQuery("CafDepartment"), { department: "44", year: 2021 });
  expect(errors).toBeUndefined();
  expect(data.department).toMatchObject({ code: "44", name: "Loire-Atlantique", region: { code: "52", name: "Pays de la Loire" } });
  expect(data.department.parentalityGrants).toHaveLength(2);
  expect(data.department.parentalityGrants[0].structure).toEqual({
    siret: S1,
    healthProjects: [
      { id: String(ids.p1), amount: 60000.1, year: 2021 },
      { id: String(ids.p3), amount: 50000, year: 2021 },
      { id: String(ids.p3renewal), amount: 20000, year: 2023 },
    ],
    socialProjects: [{ id: String(ids.s1), amount: 30000.33, year: 2021 }],
  });
});

test("MaisonsBoard: the five overseas territories, stage, grid and budgets", async () => {
  const { data, errors } = await hub.query(contractQuery("MaisonsBoard"));
  expect(errors).toBeUndefined();
  const territories = data.maisonTerritories;
  expect(territories.map((t: { region: { code: string } }) => t.region.code)).toEqual(["01", "02", "03", "04", "06"]);
  expect(territories.map((t: { hasLabelledProject: boolean }) => t.hasLabelledProject)).toEqual([false, false, false, true, false]);
  const reunion = territories[3];
  expect(reunion.region.name).toBe("La Réunion");
  expect(reunion.projects[0]).toMatchObject({
    id: String(ids.m1),
    decision: "LABELLED",
    carriers: [
      { siret: S3, name: `Structure ${S3}` },
      { siret: S4, name: `Structure ${S4}` },
    ],
    budgetTotal: 280000.4,
  });
  expect(reunion.projects[0].assessment).toMatchObject({ met: 10, total: 10 });
  const mayotte = territories[4].projects[0];
  expect(mayotte.assessment.met).toBe(1);
  expect(mayotte.assessment.criteria).toHaveLength(10);
  expect(mayotte.assessment.criteria.find((c: { code: string }) => c.code === "VALUE_FATHERS").met).toBe(false);
  expect(mayotte.assessment.criteria.find((c: { code: string }) => c.code === "FEASIBILITY_BUDGET").met).toBeNull();
  expect(mayotte.budget).toEqual([{ year: 2024, source: "FIR", amount: 150000 }]);
});

test("an invalid SIRET is refused with a French message and BAD_USER_INPUT", async () => {
  const { errors } = await hub.query(contractQuery("StructureFinancing"), { siret: "12345678901234" });
  expect(errors?.[0].message).toMatch(/SIRET invalide/);
  expect(errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("the national list filters by region, department and axis", async () => {
  const q = `query($f: HealthProjectFilter) { healthProjects(filter: $f, first: 50) { totalCount edges { node { id } } } }`;
  const ofFilter = async (f: Record<string, unknown>) => (await hub.query(q, { f })).data.healthProjects;
  expect((await ofFilter({ year: 2021, region: "53" })).edges).toEqual([{ node: { id: String(ids.b1) } }]);
  expect((await ofFilter({ year: 2021, department: "49" })).totalCount).toBe(2); // p1 (44 and 49) and p3
  expect((await ofFilter({ department: "49" })).totalCount).toBe(3); // and the 2023 renewal
  expect((await ofFilter({ axis: "SCREENING_CONTINUITY", status: "WITHDRAWN" })).edges).toEqual([{ node: { id: String(ids.p2) } }]);
  const tooBig = await hub.query(q.replace("first: 50", "first: 501"), { f: {} });
  expect(tooBig.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("GraphiQL is served by the gateway from local assets, with no CDN", async () => {
  const response = await fetch(hub.gateway.url, { headers: { accept: "text/html" } });
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toMatch(/1000 premiers jours/);
  expect(html).toMatch(/RegionDashboard/);
  expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
  expect(html).not.toMatch(/<link[^>]+href="https?:\/\//);
  expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
});
