/**
 * CSV formula injection in the public exports (issue #12, item 5): a title or a name a partner wrote
 * beginning with "=", "+", "-", "@" (or a tab, a carriage return in older rows) reaches the SCDL and
 * laureates files neutralised with a leading single quote (OWASP), while the amounts stay numbers.
 * Fictitious data.
 */
import { parse } from "csv-parse/sync";
import { scdlRecordViolations } from "../../gateway/exports/scdl-schema";
import { FundingSource } from "../../subgraphs/domain/enums";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { testSiret } from "../support/fixtures";

let hub: TestHub;
let origin: string;
const HOSTILE = ['=HYPERLINK("http://exemple.invalid","clic")', "+1+1", "-2+3", "@SUM(1+1)"];
beforeAll(async () => {
  hub = await startTestHub();
  origin = new URL(hub.gateway.url).origin;
  const caf = await hub.auth.token("caf:44");
  const ars = await hub.auth.token("ars:52");
  for (const [i, text] of HOSTILE.entries()) {
    const answer = await hub.query(
      contractQuery("RecordParentalityGrant"),
      {
        input: {
          department: "44",
          year: 2024,
          fund: "CAF_FNP",
          siret: testSiret(501 + i),
          structureName: `${text} (fictif)`,
          title: text,
          amount: 100 + i,
        },
      },
      "RecordParentalityGrant",
      caf,
    );
    expect(answer.errors).toBeUndefined();
  }
  const longest = await hub.query(
    contractQuery("RecordParentalityGrant"),
    {
      input: {
        department: "44",
        year: 2023,
        fund: "CAF_FNP",
        siret: testSiret(501),
        structureName: "Structure (fictif)",
        title: `=${"x".repeat(299)}`,
        amount: 10,
      },
    },
    "RecordParentalityGrant",
    caf,
  );
  expect(longest.errors).toBeUndefined();
  // rows recorded before the text rules (a tab or a carriage return first), written directly
  await hub.subgraphs.caf.database.dataSource.getRepository(ParentalityGrantRow).save([
    {
      departmentCode: "44",
      year: 2024,
      fund: FundingSource.CAF_REAAP,
      siret: testSiret(501),
      title: "\t=1+1",
      amountCents: 50_00,
      axes: [],
      projectRef: null,
    },
    {
      departmentCode: "44",
      year: 2024,
      fund: FundingSource.CAF_LAEP,
      siret: testSiret(501),
      title: "\r=1+1",
      amountCents: 60_00,
      axes: [],
      projectRef: null,
    },
  ]);
  const opened = await hub.query(
    contractQuery("OpenHealthCall"),
    { input: { region: "52", year: 2021, title: "Appel (fictif)", axes: ["PARENT_ISOLATION"], joint: false, envelope: 100000 } },
    "OpenHealthCall",
    ars,
  );
  for (const [i, text] of HOSTILE.entries()) {
    const answer = await hub.query(
      contractQuery("AwardHealthProject"),
      {
        input: {
          callId: opened.data.openHealthCall.id,
          title: text,
          siret: testSiret(511 + i),
          structureName: `${text} porteur`,
          departments: ["44"],
          axes: ["PARENT_ISOLATION"],
          amount: 1000.5,
        },
      },
      "AwardHealthProject",
      ars,
    );
    expect(answer.errors).toBeUndefined();
  }
}, 120_000);
afterAll(() => (hub as TestHub | undefined)?.stop());

const rows = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const [header, ...body] = parse(await response.text(), { relax_quotes: true });
  return body.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i]])));
};
const FORMULA_START = /^[=+\-@\t\r]/;

test("SCDL file of a CAF: every text cell that would run as a formula begins with a quote; amounts stay numbers", async () => {
  const records = await rows(`${origin}/exports/scdl/caf/44.csv?annee=2024`);
  expect(records).toHaveLength(6);
  for (const r of records)
    for (const [column, cell] of Object.entries(r)) if (column !== "montant") expect(cell).not.toMatch(FORMULA_START);
  expect(records.map((r) => r.objet).sort()).toEqual(
    expect.arrayContaining([
      '\'=HYPERLINK("http://exemple.invalid","clic") (Fonds national parentalité, 1000 premiers jours 2024)',
      "'+1+1 (Fonds national parentalité, 1000 premiers jours 2024)",
      "'-2+3 (Fonds national parentalité, 1000 premiers jours 2024)",
      "'@SUM(1+1) (Fonds national parentalité, 1000 premiers jours 2024)",
      "'\t=1+1 (REAAP, 1000 premiers jours 2024)",
      "'\r=1+1 (LAEP, 1000 premiers jours 2024)",
    ]),
  );
  expect(records.map((r) => r.nomBeneficiaire)).toEqual(expect.arrayContaining(["'-2+3 (fictif)", "'@SUM(1+1) (fictif)"]));
  expect(records.map((r) => r.montant).sort()).toEqual(["100.00", "101.00", "102.00", "103.00", "50.00", "60.00"]);
});

test("a neutralised SCDL objet still holds in the schema's 256 characters, the quote included", async () => {
  const [record] = await rows(`${origin}/exports/scdl/caf/44.csv?annee=2023`);
  expect(record.objet).toMatch(/^'=x+…$/);
  expect(record.objet).toHaveLength(256);
  expect(scdlRecordViolations(record)).toEqual([]);
});

test("national laureates file: titles and structure names neutralised, amounts numbers", async () => {
  const records = await rows(`${origin}/exports/laureats.csv?annee=2021`);
  expect(records.map((r) => r.intitule).sort()).toEqual(HOSTILE.map((t) => `'${t}`).sort());
  expect(records.map((r) => r.structure).sort()).toEqual(HOSTILE.map((t) => `'${t} porteur`).sort());
  for (const r of records) expect(r.montant).toBe("1000.50");
});
