/**
 * The whole contract file sent as one document with an `operationName` (what GraphiQL sends with
 * several operations in its editor) answers exactly as the single operation does, and only the
 * operation that runs is counted against the write limit.
 */
import fs from "node:fs";
import { Axis, FundingSource } from "../../subgraphs/domain/enums";
import { startTestHub, TestHub } from "../support/hub";
import { CONTRACT_FILE, contractOperations, contractQuery } from "../support/contract";
import { call, grant, laureate, testSiret } from "../support/fixtures";

const S1 = testSiret(21);
const WRITES_PER_MINUTE = 2;
const WHOLE_DOCUMENT = fs.readFileSync(CONTRACT_FILE, "utf8");

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    limits: { writesPerMinute: WRITES_PER_MINUTE },
    seed: async (s) => {
      const health = await call(s, "ars", {
        regionCode: "52",
        year: 2021,
        joint: true,
        axes: [Axis.SCREENING_CONTINUITY, Axis.PARENT_ISOLATION],
      });
      await laureate(s, "ars", health, { siret: S1, amount: 60_000.1, departments: ["44"], projectRef: "R1" });
      await grant(s, { departmentCode: "44", year: 2021, fund: FundingSource.CAF_FNP, siret: S1, amount: 5_000.5, projectRef: "R1" });
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

/** Variables of each contract read (as in interop.e2e.test.ts), on the fixture set above. */
const READ_VARIABLES: Record<string, Record<string, unknown>> = {
  RegionDashboard: { region: "52", year: 2021 },
  StructureFinancing: { siret: S1 },
  CoFinancedProject: { ref: "R1" },
  NationalLaureates: { year: 2021, first: 2 },
  CafDepartment: { department: "44", year: 2021 },
  MaisonsBoard: {},
};

const callInput = {
  region: "52",
  year: 2022,
  title: "Appel de test (fictif)",
  axes: ["SCREENING_CONTINUITY"],
  joint: false,
  envelope: 150000,
};
const awardInput = {
  callId: "999",
  title: "Projet de test (fictif)",
  siret: S1,
  structureName: "Structure de test (fictif)",
  departments: ["44"],
  axes: ["SCREENING_CONTINUITY"],
  amount: 1000,
};
const grantInput = (title: string) => ({
  department: "44",
  year: 2023,
  fund: "CAF_REAAP",
  siret: S1,
  structureName: "Structure de test (fictif)",
  title,
  amount: 10,
});
const maisonInput = {
  territory: "04",
  title: "Maison de test (fictif)",
  carriers: [{ siret: S1, name: "Structure de test (fictif)" }],
  objectives: "o",
  actions: "a",
  governance: "g",
  resources: "r",
  phasing: "p",
  evaluation: "e",
  budget: [{ year: 2024, source: "FIR", amount: 1000 }],
};
/** Well-typed variables of each contract write: anonymous, each is refused the same way as alone. */
const WRITE_VARIABLES: Record<string, Record<string, unknown>> = {
  OpenHealthCall: { input: callInput },
  AwardHealthProject: { input: awardInput },
  RecordHealthEvaluation: { id: "1", favourable: true, summary: "ok" },
  RenewHealthProject: { id: "1", year: 2023, amount: 1000 },
  OpenSocialCall: { input: callInput },
  AwardSocialProject: { input: awardInput },
  RecordSocialEvaluation: { id: "1", favourable: true, summary: "ok" },
  RenewSocialProject: { id: "1", year: 2023, amount: 1000 },
  RecordParentalityGrant: { input: grantInput("Subvention anonyme (fictif)") },
  SubmitMaisonProject: { input: maisonInput },
  AssessMaisonProject: { id: "1", criteria: [{ code: "OBJECTIVES_ONE_PLACE", met: true }] },
  DecideMaisonProject: { id: "1", decision: "LABELLED" },
};

const operations = contractOperations();

test("right after the gateway starts, the very first write is counted", async () => {
  const token = await hub.auth.token("caf:49");
  const write = (i: number) =>
    hub.query(
      contractQuery("RecordParentalityGrant"),
      { input: { ...grantInput(`Première subvention ${i} (fictif)`), department: "49" } },
      "RecordParentalityGrant",
      token,
    );
  const codes = [];
  for (let i = 0; i <= WRITES_PER_MINUTE; i++) codes.push((await write(i)).errors?.[0]?.extensions?.code ?? "ok");
  expect(codes).toEqual([...Array(WRITES_PER_MINUTE).fill("ok"), "RATE_LIMITED"]);
});

test("every contract operation has variables here", () => {
  expect(operations.map((o) => o.name).sort()).toEqual([...Object.keys(READ_VARIABLES), ...Object.keys(WRITE_VARIABLES)].sort());
});

test.each(operations.filter((o) => o.kind === "query").map((o) => [o.name, o.document]))(
  "read %s: the whole document answers as the single operation",
  async (name, document) => {
    const alone = await hub.query(document, READ_VARIABLES[name], name);
    expect(alone.errors).toBeUndefined();
    expect(await hub.query(WHOLE_DOCUMENT, READ_VARIABLES[name], name)).toEqual(alone);
  },
);

test.each(operations.filter((o) => o.kind === "mutation").map((o) => [o.name, o.document]))(
  "write %s without a token: the whole document is refused as the single operation",
  async (name, document) => {
    const alone = await hub.query(document, WRITE_VARIABLES[name], name);
    // refused (UNAUTHENTICATED, or BAD_USER_INPUT where the subgraph checks its input first), not limited
    expect(["UNAUTHENTICATED", "BAD_USER_INPUT"]).toContain(alone.errors?.[0]?.extensions?.code);
    expect(await hub.query(WHOLE_DOCUMENT, WRITE_VARIABLES[name], name)).toEqual(alone);
  },
);

test("with a token, reads in the whole document spend no write budget; a write in it counts once", async () => {
  const token = await hub.auth.token("caf:44");
  for (let i = 0; i <= WRITES_PER_MINUTE; i++) {
    const read = await hub.query(WHOLE_DOCUMENT, READ_VARIABLES.RegionDashboard, "RegionDashboard", token);
    expect(read.errors).toBeUndefined();
  }
  for (let i = 0; i < WRITES_PER_MINUTE; i++) {
    const write = await hub.query(WHOLE_DOCUMENT, { input: grantInput(`Subvention ${i} (fictif)`) }, "RecordParentalityGrant", token);
    expect(write.errors).toBeUndefined();
    expect(write.data.recordParentalityGrant).toMatchObject({
      fund: "CAF_REAAP",
      amount: 10,
      department: { code: "44" },
      structure: { siret: S1 },
    });
  }
  const over = await hub.query(WHOLE_DOCUMENT, { input: grantInput("Subvention de trop (fictif)") }, "RecordParentalityGrant", token);
  expect(over.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  // the budget spent, a read in the same document still answers
  const read = await hub.query(WHOLE_DOCUMENT, READ_VARIABLES.RegionDashboard, "RegionDashboard", token);
  expect(read.errors).toBeUndefined();
});
