/**
 * Bursts of concurrent writes through the gateway (issue #12, item 3), on SQLite and PostgreSQL:
 * every answer is a success or a refusal with a French message and BAD_USER_INPUT, never an internal
 * error, and the database afterwards holds exactly what was acknowledged. All data is fictitious.
 */
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { testSiret } from "../support/fixtures";
import { runImport } from "../../subgraphs/platform/import/run";
import { cafGrantImport } from "../../subgraphs/caf/import";
import { parseOrganisation } from "../../subgraphs/platform/auth/organisation";
import { Json } from "../support/json";

let hub: TestHub;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  hub = await startTestHub({ limits: { writesPerMinute: 100_000 } });
  for (const org of ["ars:52", "caf:44", "cd:49", "ars:04"]) tokens[org] = await hub.auth.token(org);
});
afterAll(() => (hub as TestHub | undefined)?.stop());

type Answer = Awaited<ReturnType<TestHub["query"]>>;
const run = (name: string, variables: Record<string, unknown>, org: string) => hub.query(contractQuery(name), variables, name, tokens[org]);
const CREDIT = `mutation RecordDepartmentalCredit($input: DepartmentalCreditInput!) { recordDepartmentalCredit(input: $input) { id amount } }`;
const sql = (subgraph: string, query: string, params: unknown[] = []) => hub.subgraphs[subgraph].database.dataSource.query(query, params);
/** A COUNT(*) query's number: compared before and after a burst, other tests' rows cancel out. */
const count = async (subgraph: string, query: string) => Number((await sql(subgraph, query))[0].n);

/** Splits a burst's answers: successes, and refusals that must each be French BAD_USER_INPUT. */
function outcome(answers: Answer[], field: string, refusal: RegExp) {
  const accepted: Json[] = [];
  for (const answer of answers) {
    if (answer.errors) {
      expect(answer.errors[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.errors[0].message).toMatch(refusal);
    } else accepted.push((answer.data as Record<string, unknown>)[field]);
  }
  return accepted;
}

const grant = (over: Record<string, unknown> = {}) => ({
  department: "44",
  year: 2024,
  fund: "CAF_FNP",
  siret: testSiret(301),
  structureName: "Association Rafale (fictif)",
  title: "Groupes de parole",
  amount: 1000,
  ...over,
});

test("20 concurrent copies of one CAF grant: one recorded, 19 French refusals", async () => {
  const AUDITED = "SELECT COUNT(*) AS n FROM audit_entry WHERE operation = 'recordParentalityGrant'";
  const auditedBefore = await count("caf", AUDITED);
  const answers = await Promise.all(Array.from({ length: 20 }, () => run("RecordParentalityGrant", { input: grant() }, "caf:44")));
  const accepted = outcome(answers, "recordParentalityGrant", /déjà enregistrée/);
  expect(accepted).toHaveLength(1);
  expect(
    (await sql("caf", `SELECT id FROM parentality_grant WHERE siret = '${testSiret(301)}'`)).map((r: { id: number }) => String(r.id)),
  ).toEqual([accepted[0].id]);
  expect((await count("caf", AUDITED)) - auditedBefore).toBe(1);
});

test("8 concurrent distinct grants for one new SIRET: all recorded, one structure", async () => {
  const siret = testSiret(302);
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => run("RecordParentalityGrant", { input: grant({ siret, title: `Atelier ${i}` }) }, "caf:44")),
  );
  const accepted = outcome(answers, "recordParentalityGrant", /^$/);
  expect(accepted).toHaveLength(8);
  expect(Number((await sql("caf", `SELECT COUNT(*) AS n FROM parentality_grant WHERE siret = '${siret}'`))[0].n)).toBe(8);
  expect(Number((await sql("caf", `SELECT COUNT(*) AS n FROM structure WHERE siret = '${siret}'`))[0].n)).toBe(1);
});

test("departmental credits: 10 new SIRETs, each sent twice at once: 10 recorded, 10 refused", async () => {
  const sirets = Array.from({ length: 10 }, (_, i) => testSiret(310 + i));
  const inputs = sirets
    .flatMap((siret) => [siret, siret])
    .map((siret) => ({
      department: "49",
      year: 2024,
      programme: "PMI",
      siret,
      structureName: `Structure ${siret} (fictif)`,
      title: "Consultations PMI",
      amount: 500,
    }));
  const answers = await Promise.all(inputs.map((input) => hub.query(CREDIT, { input }, "RecordDepartmentalCredit", tokens["cd:49"])));
  const accepted = outcome(answers, "recordDepartmentalCredit", /déjà enregistré/);
  expect(accepted).toHaveLength(10);
  const rows = await sql("departements", "SELECT siret FROM departmental_credit ORDER BY siret");
  expect(rows.map((r: { siret: string }) => r.siret)).toEqual([...sirets].sort());
  expect(Number((await sql("departements", "SELECT COUNT(*) AS n FROM structure"))[0].n)).toBe(10);
});

test("12 concurrent awards of 10 000 € against a 100 000 € envelope: 10 awarded, 2 refused, the envelope holds", async () => {
  const STRUCTURES = "SELECT COUNT(*) AS n FROM structure";
  const structuresBefore = await count("ars", STRUCTURES);
  const opened = await run(
    "OpenHealthCall",
    { input: { region: "52", year: 2021, title: "Appel de rafale (fictif)", axes: ["PARENT_ISOLATION"], joint: false, envelope: 100000 } },
    "ars:52",
  );
  expect(opened.errors).toBeUndefined();
  const callId = opened.data!.openHealthCall.id;
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      run(
        "AwardHealthProject",
        {
          input: {
            callId,
            title: `Projet ${i}`,
            siret: testSiret(330 + (i % 3)),
            structureName: `Porteur ${i % 3} (fictif)`,
            departments: ["44"],
            axes: ["PARENT_ISOLATION"],
            amount: 10000,
          },
        },
        "ars:52",
      ),
    ),
  );
  const accepted = outcome(answers, "awardHealthProject", /dépasseraient l'enveloppe/);
  expect(accepted).toHaveLength(10);
  const rows = await sql("ars", `SELECT id, amount_cents FROM laureate_project WHERE call_id = ${Number(callId)} ORDER BY id`);
  expect(rows.map((r: { id: number }) => String(r.id)).sort()).toEqual(accepted.map((a) => a.id).sort());
  expect(rows.reduce((sum: number, r: { amount_cents: string | number }) => sum + Number(r.amount_cents), 0)).toBe(100000_00);
  expect((await count("ars", STRUCTURES)) - structuresBefore).toBe(3); // its three new SIRETs, one structure each
});

test("Maisons submitted at once with shared carriers in any order, and duplicates: no internal error", async () => {
  const [a, b, c] = [testSiret(340), testSiret(341), testSiret(342)];
  const carriers = [
    [a, b, c],
    [c, b, a],
    [b, a, c],
    [c, a, b],
  ];
  const inputs = [...carriers, ...carriers].map((order, i) => ({
    territory: "04",
    title: `Maison de rafale ${i % 4} (fictif)`,
    carriers: order.map((siret) => ({ siret, name: `Porteur ${siret} (fictif)` })),
    objectives: "o",
    actions: "a",
    governance: "g",
    resources: "r",
    phasing: "p",
    evaluation: "e",
    budget: [{ year: 2024, source: "FIR", amount: 1000 }],
  }));
  const answers = await Promise.all(inputs.map((input) => run("SubmitMaisonProject", { input }, "ars:04")));
  const accepted = outcome(answers, "submitMaisonProject", /déjà soumis/);
  expect(accepted).toHaveLength(4);
  expect(Number((await sql("maisons", "SELECT COUNT(*) AS n FROM maison_project"))[0].n)).toBe(4);
  expect(Number((await sql("maisons", "SELECT COUNT(*) AS n FROM maison_carrier"))[0].n)).toBe(12);
  expect(Number((await sql("maisons", "SELECT COUNT(*) AS n FROM structure"))[0].n)).toBe(3);
});

test("5 concurrent renewals of one project for one year: one renewal", async () => {
  const opened = await run(
    "OpenHealthCall",
    {
      input: { region: "52", year: 2022, title: "Appel à reconduire (fictif)", axes: ["PARENT_ISOLATION"], joint: false, envelope: 100000 },
    },
    "ars:52",
  );
  const awarded = await run(
    "AwardHealthProject",
    {
      input: {
        callId: opened.data!.openHealthCall.id,
        title: "Projet reconduit",
        siret: testSiret(350),
        structureName: "Porteur (fictif)",
        departments: ["44"],
        axes: ["PARENT_ISOLATION"],
        amount: 20000,
      },
    },
    "ars:52",
  );
  const id = awarded.data!.awardHealthProject.id;
  expect((await run("RecordHealthEvaluation", { id, favourable: true }, "ars:52")).errors).toBeUndefined();
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => run("RenewHealthProject", { id, year: 2023, amount: 15000 }, "ars:52")),
  );
  expect(outcome(answers, "renewHealthProject", /déjà reconduit/)).toHaveLength(1);
  expect(Number((await sql("ars", `SELECT COUNT(*) AS n FROM laureate_project WHERE renewed_from_id = ${Number(id)}`))[0].n)).toBe(1);
});

test("a CSV import sent together with mutations of the same lines: each line recorded once, every refusal French", async () => {
  const siret = testSiret(360);
  const titles = Array.from({ length: 5 }, (_, i) => `Ligne importée ${i}`);
  const csv = `annee;fonds;siret;structure;objet;montant\n${titles.map((t) => `2024;REAAP;${siret};Structure importée (fictif);${t};100`).join("\n")}\n`;
  // the writer's token goes with the SIRETs to the hub's structure directory
  const actor = { subject: "test", organisation: parseOrganisation("caf:44")!, token: await hub.auth.token("caf:44") };
  const [report, ...answers] = await Promise.all([
    runImport(hub.subgraphs.caf.database.dataSource, hub.directory, cafGrantImport(actor), { name: "rafale.csv", content: csv }, actor),
    ...titles.map((title) =>
      run(
        "RecordParentalityGrant",
        { input: grant({ siret, fund: "CAF_REAAP", title, amount: 100, structureName: "Structure importée (fictif)" }) },
        "caf:44",
      ),
    ),
  ]);
  const accepted = outcome(answers, "recordParentalityGrant", /déjà enregistrée/);
  const stored = Number((await sql("caf", `SELECT COUNT(*) AS n FROM parentality_grant WHERE siret = '${siret}'`))[0].n);
  expect(stored).toBe(titles.length);
  if (report.accepted) expect(accepted).toHaveLength(0);
  else {
    expect(report.problems.every((p) => p.rule === "DUPLICATE_EXISTING")).toBe(true);
    expect(accepted).toHaveLength(titles.length);
  }
});
