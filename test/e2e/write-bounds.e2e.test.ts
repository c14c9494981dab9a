/**
 * Bounds on what a partner writes (issue #12 item 4, issue #11 "Bounds" and the call rules), through
 * the gateway on SQLite and PostgreSQL: text length and control characters, the amount ceiling, a
 * call's envelope against its minimum award and its calendar. Each refusal is BAD_USER_INPUT with a
 * French message and the rule's code, and nothing is written (every table read back; on PostgreSQL
 * these answered INTERNAL_SERVER_ERROR or were stored). All data is fictitious.
 */
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { databaseState } from "../support/database-state";
import { testSiret } from "../support/fixtures";
import { runImport } from "../../subgraphs/platform/import/run";
import { cafGrantImport } from "../../subgraphs/caf/import";
import { parseOrganisation } from "../../subgraphs/platform/auth/organisation";

let hub: TestHub;
const tokens: Record<string, string> = {};
let callId: string;
beforeAll(async () => {
  hub = await startTestHub();
  for (const org of ["ars:52", "caf:44", "cd:49", "ars:04", "dreets:52"]) tokens[org] = await hub.auth.token(org);
  const opened = await run(
    "OpenHealthCall",
    { input: { region: "52", year: 2021, title: "Appel des bornes (fictif)", axes: ["PARENT_ISOLATION"], joint: false, envelope: 200000 } },
    "ars:52",
  );
  expect(opened.errors).toBeUndefined();
  callId = opened.data.openHealthCall.id;
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const run = (name: string, variables: Record<string, unknown>, org: string) => hub.query(contractQuery(name), variables, name, tokens[org]);
const CREDIT = `mutation RecordDepartmentalCredit($input: DepartmentalCreditInput!) { recordDepartmentalCredit(input: $input) { id } }`;
/** A write that must be refused for `rule`, with a French message matching `message`, and nothing written. */
async function refused(
  send: () => Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>,
  rule: string,
  message: RegExp,
) {
  const before = await databaseState(hub);
  const answer = await send();
  expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  expect((answer.errors![0].extensions!.violations as { rule: string }[]).map((v) => v.rule)).toContain(rule);
  expect(answer.errors![0].message).toMatch(message);
  expect(await databaseState(hub)).toBe(before);
}

const grant = (over: Record<string, unknown> = {}) => ({
  department: "44",
  year: 2024,
  fund: "CAF_FNP",
  siret: testSiret(401),
  structureName: "Association Bornes (fictif)",
  title: "Groupes de parole",
  amount: 1000,
  ...over,
});
const award = (over: Record<string, unknown> = {}) => ({
  callId,
  title: "Projet borné",
  siret: testSiret(402),
  structureName: "Porteur borné (fictif)",
  departments: ["44"],
  axes: ["PARENT_ISOLATION"],
  amount: 1000,
  ...over,
});
const maison = (over: Record<string, unknown> = {}) => ({
  territory: "04",
  title: "Maison bornée (fictif)",
  carriers: [{ siret: testSiret(403), name: "Porteur de Maison (fictif)" }],
  objectives: "o",
  actions: "a",
  governance: "g",
  resources: "r",
  phasing: "p",
  evaluation: "e",
  budget: [{ year: 2024, source: "FIR", amount: 1000 }],
  ...over,
});
const credit = (over: Record<string, unknown> = {}) => ({
  department: "49",
  year: 2024,
  programme: "PMI",
  siret: testSiret(404),
  structureName: "Centre borné (fictif)",
  title: "Consultations",
  amount: 500,
  ...over,
});

describe("text: a length limit and no control characters, the same on both databases", () => {
  test("a 10 kB title is refused (CAF grant, departmental credit, laureate, Maison, call)", async () => {
    const long = "é".repeat(10_000);
    await refused(
      () => run("RecordParentalityGrant", { input: grant({ title: long }) }, "caf:44"),
      "TEXT_TOO_LONG",
      /L'objet de la subvention dépasse 300 caractères \(10000\)/,
    );
    await refused(
      () => hub.query(CREDIT, { input: credit({ title: long }) }, "RecordDepartmentalCredit", tokens["cd:49"]),
      "TEXT_TOO_LONG",
      /dépasse 300 caractères/,
    );
    await refused(
      () => run("AwardHealthProject", { input: award({ title: long }) }, "ars:52"),
      "TEXT_TOO_LONG",
      /L'intitulé du projet dépasse 300 caractères/,
    );
    await refused(
      () => run("SubmitMaisonProject", { input: maison({ title: long }) }, "ars:04"),
      "TEXT_TOO_LONG",
      /dépasse 300 caractères/,
    );
    await refused(
      () =>
        run(
          "OpenSocialCall",
          { input: { region: "52", year: 2021, title: long, axes: ["PARENT_ISOLATION"], joint: false, envelope: 100000 } },
          "dreets:52",
        ),
      "TEXT_TOO_LONG",
      /L'intitulé de l'appel dépasse/,
    );
  });

  test("a structure name of 301 characters is refused; 300 are recorded", async () => {
    await refused(
      () => run("AwardHealthProject", { input: award({ structureName: "n".repeat(301) }) }, "ars:52"),
      "TEXT_TOO_LONG",
      /Le nom de la structure porteuse dépasse 300 caractères \(301\)/,
    );
    await refused(
      () => run("RecordParentalityGrant", { input: grant({ structureName: "n".repeat(301) }) }, "caf:44"),
      "TEXT_TOO_LONG",
      /Le nom de la structure dépasse 300/,
    );
    await refused(
      () => run("SubmitMaisonProject", { input: maison({ carriers: [{ siret: testSiret(403), name: "n".repeat(301) }] }) }, "ars:04"),
      "TEXT_TOO_LONG",
      /Le nom du porteur dépasse 300/,
    );
    const accepted = await run(
      "RecordParentalityGrant",
      { input: grant({ structureName: "n".repeat(300), title: "Nom de 300 caractères" }) },
      "caf:44",
    );
    expect(accepted.errors).toBeUndefined();
  });

  test("a NUL byte or another control character is refused; line breaks stay allowed in free text", async () => {
    await refused(
      () => run("RecordParentalityGrant", { input: grant({ title: "Groupes\u0000de parole" }) }, "caf:44"),
      "TEXT_CONTROL_CHARACTER",
      /caractère de contrôle/,
    );
    await refused(
      () => hub.query(CREDIT, { input: credit({ structureName: "Centre\u0000" }) }, "RecordDepartmentalCredit", tokens["cd:49"]),
      "TEXT_CONTROL_CHARACTER",
      /Le nom de la structure contient un caractère de contrôle/,
    );
    await refused(
      () => run("SubmitMaisonProject", { input: maison({ title: "Maison\nsur deux lignes" }) }, "ars:04"),
      "TEXT_CONTROL_CHARACTER",
      /texte d'une ligne/,
    );
    await refused(
      () => run("SubmitMaisonProject", { input: maison({ objectives: "Objectifs\u0000" }) }, "ars:04"),
      "TEXT_CONTROL_CHARACTER",
      /Les objectifs contient/,
    );
    await refused(
      () => run("AwardHealthProject", { input: award({ description: "Description\u0007" }) }, "ars:52"),
      "TEXT_CONTROL_CHARACTER",
      /La description du projet contient/,
    );
    await refused(
      () => run("AwardHealthProject", { input: award({ description: "d".repeat(5001) }) }, "ars:52"),
      "TEXT_TOO_LONG",
      /La description du projet dépasse 5000 caractères/,
    );
    const multiline = await run(
      "AwardHealthProject",
      { input: award({ description: "Première ligne\nSeconde ligne\tavec tabulation" }) },
      "ars:52",
    );
    expect(multiline.errors).toBeUndefined();
    const id = multiline.data.awardHealthProject.id;
    await refused(
      () => run("RecordHealthEvaluation", { id, favourable: true, summary: "Synthèse\u0000" }, "ars:52"),
      "TEXT_CONTROL_CHARACTER",
      /La synthèse de l'évaluation contient/,
    );
  });

  test("an import row with a 10 kB title or a NUL byte is refused line by line, nothing written", async () => {
    const ds = hub.subgraphs.caf.database.dataSource;
    const before = await databaseState(hub);
    const csv = `annee;fonds;siret;structure;objet;montant\n2024;FNP;${testSiret(405)};Structure (fictif);${"x".repeat(10_000)};100\n2024;FNP;${testSiret(405)};Structure\u0000 (fictif);Objet;100\n`;
    const actor = { subject: "test", organisation: parseOrganisation("caf:44")! };
    const report = await runImport(ds, hub.directory, cafGrantImport(actor), { name: "bornes.csv", content: csv }, actor);
    expect(report.accepted).toBe(false);
    expect(report.problems.map((p) => [p.line, p.rule])).toEqual([
      [2, "TEXT_TOO_LONG"],
      [3, "TEXT_CONTROL_CHARACTER"],
    ]);
    expect(await databaseState(hub)).toBe(before);
  });

  test("a long identity-provider subject does not break a write: the audit keeps it shortened, with its hash", async () => {
    const subject = `https://idp.example.test/users/${"s".repeat(1000)}`;
    const token = await hub.auth.token("caf:44", { subject });
    const answer = await hub.query(
      contractQuery("RecordParentalityGrant"),
      { input: grant({ title: "Sujet long" }) },
      "RecordParentalityGrant",
      token,
    );
    expect(answer.errors).toBeUndefined();
    const [entry] = await hub.subgraphs.caf.database.dataSource.query("SELECT subject FROM audit_entry ORDER BY id DESC LIMIT 1");
    expect(entry.subject.length).toBeLessThanOrEqual(200);
    expect(entry.subject).toMatch(/^https:\/\/idp\.example\.test\/users\/s+…sha256:[0-9a-f]{64}$/);
  });
});

test("an identifier too long for the database is unknown, not an internal error", async () => {
  const long = "9".repeat(20);
  for (const answer of [
    await run("AwardHealthProject", { input: award({ callId: long }) }, "ars:52"),
    await run("RecordHealthEvaluation", { id: long, favourable: true }, "ars:52"),
    await run("RenewHealthProject", { id: long, year: 2023, amount: 10 }, "ars:52"),
    await hub.query(
      contractQuery("DecideMaisonProject"),
      { id: long, decision: "LABELLED" },
      "DecideMaisonProject",
      await hub.auth.token("national"),
    ),
  ]) {
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/inconnu : « 9{20} »/),
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
});

describe("amounts: a ceiling per line that names the rule", () => {
  const ceiling = /ne dépasse pas 1 000 000 000 € par ligne/;
  test("a grant of 45 000 000 000 000 € is refused, on every funder; 1 000 000 000 € is the ceiling", async () => {
    await refused(
      () => run("RecordParentalityGrant", { input: grant({ amount: 45_000_000_000_000 }) }, "caf:44"),
      "AMOUNT_CEILING",
      ceiling,
    );
    await refused(
      () => hub.query(CREDIT, { input: credit({ amount: 45_000_000_000_000 }) }, "RecordDepartmentalCredit", tokens["cd:49"]),
      "AMOUNT_CEILING",
      ceiling,
    );
    await refused(() => run("AwardHealthProject", { input: award({ amount: 45_000_000_000_000 }) }, "ars:52"), "AMOUNT_CEILING", ceiling);
    await refused(
      () =>
        run("SubmitMaisonProject", { input: maison({ budget: [{ year: 2024, source: "FIR", amount: 45_000_000_000_000 }] }) }, "ars:04"),
      "AMOUNT_CEILING",
      ceiling,
    );
    await refused(
      () =>
        run(
          "OpenSocialCall",
          {
            input: {
              region: "52",
              year: 2021,
              title: "Appel démesuré",
              axes: ["PARENT_ISOLATION"],
              joint: false,
              envelope: 45_000_000_000_000,
            },
          },
          "dreets:52",
        ),
      "AMOUNT_CEILING",
      ceiling,
    );
    await refused(
      () => run("RecordParentalityGrant", { input: grant({ amount: 1_000_000_000.01, title: "Juste au-dessus" }) }, "caf:44"),
      "AMOUNT_CEILING",
      ceiling,
    );
    expect(
      (await run("RecordParentalityGrant", { input: grant({ amount: 1_000_000_000, title: "Au plafond" }) }, "caf:44")).errors,
    ).toBeUndefined();
  });

  test("an import row above the ceiling is refused, nothing written", async () => {
    const before = await databaseState(hub);
    const actor = { subject: "test", organisation: parseOrganisation("caf:44")! };
    const csv = `annee;fonds;siret;structure;objet;montant\n2024;FNP;${testSiret(406)};Structure (fictif);Objet;45 000 000 000 000,00\n`;
    const report = await runImport(
      hub.subgraphs.caf.database.dataSource,
      hub.directory,
      cafGrantImport(actor),
      { name: "plafond.csv", content: csv },
      actor,
    );
    expect(report.problems.map((p) => [p.line, p.rule])).toEqual([[2, "AMOUNT_CEILING"]]);
    expect(await databaseState(hub)).toBe(before);
  });
});

describe("a call's rules of the 2021 instruction", () => {
  const open = (over: Record<string, unknown>) =>
    run(
      "OpenSocialCall",
      {
        input: {
          region: "52",
          year: 2022,
          title: "Appel à la règle (fictif)",
          axes: ["PARENT_ISOLATION"],
          joint: false,
          envelope: 100000,
          deadline: "2022-06-15",
          resultsDue: "2022-08-31",
          ...over,
        },
      },
      "dreets:52",
    );
  test("an envelope below the minimum award (100 000 € a side, joint or not) is refused", async () => {
    await refused(
      () => open({ envelope: 99_999.99 }),
      "ENVELOPE_BELOW_MINIMUM_AWARD",
      /au moins 100 000 € aux lauréats \(instruction SGMCAS\/2021\/74\)/,
    );
    await refused(
      () => open({ envelope: 50_000, joint: true }),
      "ENVELOPE_BELOW_MINIMUM_AWARD",
      /appel commun ARS-DREETS réunit deux enveloppes d'au moins 100 000 € chacune, 200 000 € au moins/,
    );
  });
  test("results due before the submission deadline are refused; the same day is allowed", async () => {
    await refused(
      () => open({ deadline: "2022-06-15", resultsDue: "2022-06-14" }),
      "RESULTS_BEFORE_DEADLINE",
      /La date prévisionnelle des résultats \(2022-06-14\) ne peut précéder la date limite de dépôt des projets \(2022-06-15\)/,
    );
    expect((await open({ deadline: "2022-06-15", resultsDue: "2022-06-15" })).errors).toBeUndefined();
  });
});
