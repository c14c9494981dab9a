/**
 * The CSV exports through the gateway, over HTTP and from the CLI, on fixture data: every SCDL
 * file passes the rules of the schema 2.1.1, and its totals are the ones computed here by hand
 * (and the ones the contract's operations give).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { isValidSiret } from "../../subgraphs/domain/siret";
import { SCDL_COLUMNS, scdlHeaderViolations, scdlRecordViolations } from "../../gateway/exports/scdl-schema";
import { fictitiousGrantorSiret } from "../../gateway/exports/grantors";
import { exportNationalLaureates } from "../../gateway/exports/exports";
import { gatewayClient } from "../../gateway/exports/gateway-client";
import { LAUREATE_COLUMNS } from "../../gateway/exports/laureates";
import { runExport } from "../../scripts/export";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { call, grant, laureate, testSiret } from "../support/fixtures";

const S1 = testSiret(1);
const S2 = testSiret(2);
const S3 = testSiret(3);
const S4 = testSiret(4);
const ids: Record<string, number> = {};

let hub: TestHub;
let origin: string;
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      const health = await call(s, "ars", {
        regionCode: "52",
        year: 2021,
        joint: true,
        axes: [Axis.SCREENING_CONTINUITY, Axis.PARENT_ISOLATION],
      });
      const social = await call(s, "dreets", { regionCode: "52", year: 2021, joint: true });
      ids.p1 = await laureate(s, "ars", health, {
        siret: S1,
        amount: 60_000.1,
        departments: ["44", "49"],
        title: "Parcours sans rupture, avec « guillemets », et virgule",
      });
      ids.p2 = await laureate(s, "ars", health, {
        siret: S2,
        amount: 45_000.05,
        departments: ["85"],
        status: GrantStatus.WITHDRAWN,
        axes: [Axis.PARENT_ISOLATION],
      });
      ids.p3 = await laureate(s, "ars", health, {
        siret: S1,
        amount: 50_000,
        departments: ["49"],
        status: GrantStatus.EVALUATED,
        title: "Ateliers nutrition",
      });
      ids.p3renewal = await laureate(s, "ars", health, {
        siret: S1,
        amount: 20_000,
        year: 2023,
        departments: ["49"],
        status: GrantStatus.RENEWED,
        renewedFromId: ids.p3,
        title: "Ateliers nutrition",
      });
      ids.s1 = await laureate(s, "dreets", social, {
        siret: S1,
        amount: 30_000.33,
        departments: ["44"],
        axes: [Axis.SCREENING_CONTINUITY, Axis.SECOND_PARENT],
      });
      const breton = await call(s, "ars", { regionCode: "53", year: 2021 });
      ids.b1 = await laureate(s, "ars", breton, { siret: S4, amount: 70_000, departments: ["35"] });
      ids.g1 = await grant(s, { departmentCode: "44", year: 2021, fund: FundingSource.CAF_FNP, siret: S1, amount: 5_000.5 });
      ids.g2 = await grant(s, { departmentCode: "44", year: 2021, fund: FundingSource.CAF_REAAP, siret: S3, amount: 1_200 });
      ids.g3 = await grant(s, { departmentCode: "44", year: 2022, fund: FundingSource.CAF_LAEP, siret: S3, amount: 999.99 });
    },
  });
  origin = new URL(hub.gateway.url).origin;
}, 120_000);
afterAll(() => (hub as TestHub | undefined)?.stop());

/** Parses a CSV export and checks it against SCDL 2.1.1: header, then every record. */
function scdlRows(csv: string): Record<string, string>[] {
  const [header, ...body] = parse(csv);
  expect(scdlHeaderViolations(header)).toEqual([]);
  const records = body.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i]])));
  const broken = records.map((r, i) => ({ line: i + 2, violations: scdlRecordViolations(r) })).filter((r) => r.violations.length);
  expect(broken).toEqual([]);
  return records;
}
const totalCents = (records: Record<string, string>[]) => records.reduce((sum, r) => sum + Math.round(Number(r.montant) * 100), 0);

test("an ARS's grants of a year: SCDL 2.1.1, withdrawn laureates left out, totals as awarded", async () => {
  const response = await fetch(`${origin}/exports/scdl/ars/52.csv?annee=2021`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toBe('attachment; filename="subventions-scdl-ars-52-2021.csv"');
  expect(response.headers.get("x-scdl-attribuant-siret")).toMatch(/^fictif \(\d{14}\)/);
  const csv = await response.text();
  expect(csv.split("\n")[0]).toBe(SCDL_COLUMNS.join(","));
  const records = scdlRows(csv);
  expect(records.map((r) => r.referenceDecision)).toEqual([`ARS-52-${ids.p1}`, `ARS-52-${ids.p3}`]);
  expect(records[0]).toEqual({
    nomAttribuant: "Agence régionale de santé – Pays de la Loire",
    idAttribuant: fictitiousGrantorSiret("ars", "52"),
    dateConvention: "2021-01-01",
    referenceDecision: `ARS-52-${ids.p1}`,
    nomBeneficiaire: `Structure ${S1}`,
    idBeneficiaire: S1,
    rnaBeneficiaire: "",
    objet: "Parcours sans rupture, avec « guillemets », et virgule (Fonds d'intervention régional (FIR), 1000 premiers jours 2021)",
    montant: "60000.10",
    nature: "aide en numéraire",
    conditionsVersement: "unique",
    datesPeriodeVersement: "2021-01-01/2021-12-31",
    idRAE: "",
    notificationUE: "non",
    pourcentageSubvention: "1.00",
    dispositifAide: "",
  });
  expect(csv).toContain('"Parcours sans rupture, avec « guillemets », et virgule (Fonds'); // quoted by the CSV library
  expect(isValidSiret(records[0].idAttribuant)).toBe(true);
  // 60 000,10 + 50 000: what the contract's RegionDashboard reports as awarded by the health side
  expect(totalCents(records)).toBe(11_000_010);
  const dashboard = await hub.query(contractQuery("RegionDashboard"), { region: "52", year: 2021 });
  expect(totalCents(records)).toBe(Math.round(dashboard.data.region.healthCalls[0].awarded * 100));
});

test("without a year, every year of the funder (the 2023 renewal is a line of its own)", async () => {
  const records = scdlRows(await (await fetch(`${origin}/exports/scdl/ars/52.csv`)).text());
  expect(records.map((r) => [r.referenceDecision, r.dateConvention, r.montant])).toEqual([
    [`ARS-52-${ids.p1}`, "2021-01-01", "60000.10"],
    [`ARS-52-${ids.p3}`, "2021-01-01", "50000.00"],
    [`ARS-52-${ids.p3renewal}`, "2023-01-01", "20000.00"],
  ]);
});

test("a DREETS's and a CAF's grants; a region with no grant gives a header only", async () => {
  const dreets = scdlRows(await (await fetch(`${origin}/exports/scdl/dreets/52.csv?annee=2021`)).text());
  expect(dreets.map((r) => [r.nomAttribuant, r.idAttribuant, r.montant])).toEqual([
    [
      "Direction régionale de l'économie, de l'emploi, du travail et des solidarités (DREETS) – Pays de la Loire",
      fictitiousGrantorSiret("dreets", "52"),
      "30000.33",
    ],
  ]);
  const caf = scdlRows(await (await fetch(`${origin}/exports/scdl/caf/44.csv?annee=2021`)).text());
  expect(caf.map((r) => [r.nomAttribuant, r.idBeneficiaire, r.montant, r.objet])).toEqual([
    [
      "Caisse d'allocations familiales – Loire-Atlantique (44)",
      S1,
      "5000.50",
      `Subvention ${S1} (Fonds national parentalité, 1000 premiers jours 2021)`,
    ],
    ["Caisse d'allocations familiales – Loire-Atlantique (44)", S3, "1200.00", `Subvention ${S3} (REAAP, 1000 premiers jours 2021)`],
  ]);
  const cafDepartment = await hub.query(contractQuery("CafDepartment"), { department: "44", year: 2021 });
  expect(totalCents(caf)).toBe(
    cafDepartment.data.department.parentalityGrants.reduce((s: number, g: { amount: number }) => s + Math.round(g.amount * 100), 0),
  );
  const empty = await (await fetch(`${origin}/exports/scdl/dreets/11.csv?annee=2021`)).text();
  expect(empty).toBe(`${SCDL_COLUMNS.join(",")}\n`);
});

test("wrong requests are refused in French, with the right status", async () => {
  const unknownRegion = await fetch(`${origin}/exports/scdl/ars/99.csv`);
  expect([unknownRegion.status, await unknownRegion.text()]).toEqual([404, "Région inconnue : 99 (code INSEE attendu, par exemple 52).\n"]);
  const unknownFunder = await fetch(`${origin}/exports/scdl/cd/44.csv`);
  expect(unknownFunder.status).toBe(400);
  expect(await unknownFunder.text()).toMatch(/^Financeur attendu : ars, dreets, caf/);
  const noYear = await fetch(`${origin}/exports/laureats.csv`);
  expect([noYear.status, await noYear.text()]).toEqual([400, "L'année est obligatoire (par exemple annee=2021).\n"]);
  expect((await fetch(`${origin}/exports/laureats.csv?annee=21`)).status).toBe(400);
});

test("the national laureates of a year: both sides, every status, sorted by region, page after page", async () => {
  const response = await fetch(`${origin}/exports/laureats.csv?annee=2021`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toBe('attachment; filename="laureats-1000-premiers-jours-2021.csv"');
  const csv = await response.text();
  const [header, ...rows] = parse(csv);
  expect(header).toEqual([...LAUREATE_COLUMNS]);
  expect(rows).toEqual([
    [
      "2021",
      "santé",
      "ARS Pays de la Loire",
      "52",
      "Pays de la Loire",
      String(ids.p1),
      "Parcours sans rupture, avec « guillemets », et virgule",
      S1,
      `Structure ${S1}`,
      "44;49",
      "1",
      "Attribué",
      "60000.10",
    ],
    [
      "2021",
      "santé",
      "ARS Pays de la Loire",
      "52",
      "Pays de la Loire",
      String(ids.p2),
      `Projet ${S2}`,
      S2,
      `Structure ${S2}`,
      "85",
      "3",
      "Retiré",
      "45000.05",
    ],
    [
      "2021",
      "santé",
      "ARS Pays de la Loire",
      "52",
      "Pays de la Loire",
      String(ids.p3),
      "Ateliers nutrition",
      S1,
      `Structure ${S1}`,
      "49",
      "1",
      "Évalué",
      "50000.00",
    ],
    [
      "2021",
      "social",
      "DREETS Pays de la Loire",
      "52",
      "Pays de la Loire",
      String(ids.s1),
      `Projet ${S1}`,
      S1,
      `Structure ${S1}`,
      "44",
      "1;6",
      "Attribué",
      "30000.33",
    ],
    [
      "2021",
      "santé",
      "ARS Bretagne",
      "53",
      "Bretagne",
      String(ids.b1),
      `Projet ${S4}`,
      S4,
      `Structure ${S4}`,
      "35",
      "1",
      "Attribué",
      "70000.00",
    ],
  ]);
  // pages of two: the same file (the contract's NationalLaureates counts 4 + 1 laureates)
  const paged = await exportNationalLaureates(gatewayClient(hub.gateway.url), 2021, 2);
  expect(paged.csv).toBe(csv);
  const counts = (await hub.query(contractQuery("NationalLaureates"), { year: 2021, first: 1 })).data;
  expect(rows).toHaveLength((counts.healthProjects.totalCount as number) + (counts.socialProjects.totalCount as number));
});

describe("the CLI (npm run export)", () => {
  const io = () => {
    const out = { stdout: "", stderr: "" };
    return {
      out,
      io: {
        stdout: (t: string) => {
          out.stdout += t;
        },
        stderr: (t: string) => {
          out.stderr += t;
        },
      },
    };
  };

  test("writes a CAF's SCDL file on stdout, as the HTTP route does, and warns that the grantor's SIRET is fictitious", async () => {
    const { out, io: cli } = io();
    expect(
      await runExport(["scdl", "--financeur", "caf", "--territoire", "44", "--annee", "2021", "--passerelle", hub.gateway.url], cli),
    ).toBe(0);
    expect(out.stdout).toBe(await (await fetch(`${origin}/exports/scdl/caf/44.csv?annee=2021`)).text());
    expect(out.stderr).toMatch(
      /SIRET de l'attribuant FICTIF \(\d{14}\) pour « Caisse d'allocations familiales – Loire-Atlantique \(44\) »/,
    );
  });

  test("writes the laureates to a file, and every funder's SCDL file into a folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-export-"));
    try {
      const { out, io: cli } = io();
      const target = path.join(dir, "laureats.csv");
      expect(await runExport(["laureats", "--annee", "2021", "--sortie", target], cli, { GATEWAY_URL: hub.gateway.url })).toBe(0);
      expect(fs.readFileSync(target, "utf8")).toBe(await (await fetch(`${origin}/exports/laureats.csv?annee=2021`)).text());
      expect(out.stdout).toBe("");
      expect(out.stderr).toBe(`${target} : 5 ligne(s)\n`);
      const all = io();
      expect(
        await runExport(
          ["scdl", "--tous", "--dossier", path.join(dir, "scdl"), "--annee", "2021", "--passerelle", hub.gateway.url],
          all.io,
        ),
      ).toBe(0);
      const files = fs.readdirSync(path.join(dir, "scdl")).sort();
      expect(files).toEqual([
        "subventions-scdl-ars-52-2021.csv",
        "subventions-scdl-ars-53-2021.csv",
        "subventions-scdl-caf-44-2021.csv",
        "subventions-scdl-dreets-52-2021.csv",
      ]);
      const grandTotal = files.reduce((sum, f) => sum + totalCents(scdlRows(fs.readFileSync(path.join(dir, "scdl", f), "utf8"))), 0);
      expect(grandTotal).toBe(11_000_010 + 7_000_000 + 500_050 + 120_000 + 3_000_033);
      expect(all.out.stderr).toMatch(/4 fichier\(s\) SCDL écrit\(s\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test("says what is wrong: a missing option, an unreachable gateway", async () => {
    const missing = io();
    expect(await runExport(["scdl", "--financeur", "ars"], missing.io)).toBe(2);
    expect(missing.out.stderr).toBe("Export impossible : --territoire <code INSEE> est obligatoire.\n");
    const down = io();
    expect(await runExport(["laureats", "--annee", "2021", "--passerelle", "http://127.0.0.1:9/graphql"], down.io)).toBe(1);
    expect(down.out.stderr).toMatch(/^Export impossible : La passerelle http:\/\/127.0.0.1:9\/graphql ne répond pas .*npm start/);
    const usage = io();
    expect(await runExport([], usage.io)).toBe(2);
    expect(usage.out.stderr).toMatch(/npm run export -- scdl --financeur ars\|dreets\|caf/);
  });
});
