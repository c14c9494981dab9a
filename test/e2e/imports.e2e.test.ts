/**
 * CSV imports through the CLI (scripts/import.ts) into fresh databases: a deliberately broken
 * file reported line by line with nothing written, the SCDL round trip (export through a test
 * hub, re-import, same totals), the file variants partners' spreadsheets produce, 50 000 rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { runImportCli, ImportIo } from "../../scripts/import";
import { createTestAuth } from "../support/auth";
import { createTestDatabase, TestDatabase } from "../support/database";
import { startTestHub } from "../support/hub";
import { servicesEnv } from "../support/config-env";
import { testSiret } from "../support/fixtures";
import { DatabaseConfig } from "../../subgraphs/platform/config";
import { startSubgraph, SubgraphModule } from "../../subgraphs/platform/server/subgraph-module";
import { readSubgraphConfig, startOptionsOf } from "../../subgraphs/platform/server/subgraph-config";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { hubSubgraph } from "../../subgraphs/registry";
import { createStructureDirectory, StructureDirectory } from "../../subgraphs/platform/directory/client";
import { StructureDirectoryRow } from "../../subgraphs/hub/directory/structure-directory.entity";
import { arsSubgraph } from "../../subgraphs/ars";
import { cafSubgraph } from "../../subgraphs/caf";
import { departementsSubgraph } from "../../subgraphs/departements";
import { Axis } from "../../subgraphs/domain/enums";
import { eurosToCents } from "../../subgraphs/domain/money";
import { CallRow } from "../../subgraphs/regional-call/call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "../../subgraphs/regional-call/laureate-project.entity";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import { DepartmentalCreditRow } from "../../subgraphs/departements/departmental-credit.entity";
import { StructureRow } from "../../subgraphs/domain/structure.entity";
import { AuditEntryRow } from "../../subgraphs/platform/audit/audit-entry.entity";
import { recordParentalityGrant } from "../../subgraphs/caf/caf.funder";
import { buildDemoDataset } from "../../fixtures/demo/dataset";
import { exportFunderScdl } from "../../gateway/exports/exports";
import { gatewayClient } from "../../gateway/exports/gateway-client";

const auth = createTestAuth();
const files = fs.mkdtempSync(path.join(os.tmpdir(), "hub-import-"));
const cleanups: (() => Promise<unknown>)[] = [];
/** The hub's structure directory, which every import tells the SIRETs of its file (SUBGRAPH_URL_HUB). */
let directory: SubgraphServer;
/** That directory as a funder server reaches it: for the writes called directly below. */
let directoryClient: StructureDirectory;
beforeAll(async () => {
  const db = await createTestDatabase();
  directory = await startSubgraph(hubSubgraph(), startOptionsOf(readSubgraphConfig("hub", servicesEnv(auth, db.config)), null));
  cleanups.push(
    () => db.drop(),
    () => directory.stop(),
  );
  directoryClient = createStructureDirectory({ url: directory.url, hmacSecret: auth.config.hmacSecret });
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(files, { recursive: true, force: true });
  auth.cleanup();
});

const quietIo = (): ImportIo & { out: string; err: string } => {
  const io = {
    out: "",
    err: "",
    isTTY: false,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
};
const envFor = (config: DatabaseConfig): NodeJS.ProcessEnv => ({
  ...(config.url ? { DATABASE_URL: config.url } : { DATA_DIR: config.dataDir }),
  AUTH_PUBLIC_KEY_FILE: auth.secrets.publicKeyFile,
  HUB_HMAC_SECRET: auth.secrets.hmacSecret,
  SUBGRAPH_URL_HUB: directory.url,
});
const writeFile = (name: string, content: string | Buffer) => {
  const file = path.join(files, name);
  fs.writeFileSync(file, content);
  return file;
};
/** A fresh database of one subgraph, opened as the subgraph opens it, closed and dropped at the end. */
async function freshDatabase(module: SubgraphModule, database?: TestDatabase): Promise<{ config: DatabaseConfig; ds: DataSource }> {
  const db = database ?? (await createTestDatabase());
  const { dataSource } = await module.openDatabase(db.config);
  cleanups.push(
    () => db.drop(),
    () => dataSource.destroy(),
  );
  return { config: db.config, ds: dataSource };
}
async function importCli(config: DatabaseConfig, args: string[], organisation: string) {
  const io = quietIo();
  const result = await runImportCli([...args, "--jeton", await auth.token(organisation)], io, envFor(config));
  return { ...result, io };
}
const count = (ds: DataSource, entity: EntityTarget<ObjectLiteral>) => ds.getRepository(entity).count();

describe("a deliberately broken file: every bad row reported, nothing written", () => {
  test("a call's laureates (ARS, semicolon, BOM)", async () => {
    const { config, ds } = await freshDatabase(arsSubgraph);
    const call = await ds.getRepository(CallRow).save({
      regionCode: "52",
      year: 2021,
      joint: false,
      envelopeCents: eurosToCents(150_000),
      title: "Appel de test 52",
      axes: [Axis.SCREENING_CONTINUITY, Axis.HEALTH_PROMOTION, Axis.PARENT_ISOLATION],
      deadline: null,
      resultsDue: null,
    });
    const file = writeFile(
      "laureats-casses.csv",
      "\uFEFF" +
        [
          "Titre;SIRET;Structure;Départements;Axes;Montant;Référence dossier",
          `Projet conforme;${testSiret(1)};Association A;44;1,2;10 000,00;DOS-1`,
          `Projet au SIRET faux;12345678901234;Association B;49;1;5000;`,
          `Projet aux millièmes;${testSiret(3)};Association C;53;2;1 234,567;`,
          `Projet du département 99;${testSiret(4)};Association D;99;1;1000;`,
          `Projet de l'axe 5;${testSiret(5)};Association E;72;5;1000;`,
          `Projet extrarégional;${testSiret(6)};Association F;44,35;1;1000;`,
          `Projet conforme;${testSiret(1)};Association A;44;1,2;10 000,00;DOS-1`,
          `Projet sans montant;${testSiret(8)};Association H;85;3;;`,
        ].join("\r\n") +
        "\r\n",
    );
    const { code, report, io } = await importCli(config, ["laureats", file, "--appel", String(call.id)], "ars:52");
    expect(code).toBe(1);
    expect(report!.accepted).toBe(false);
    expect(report!.problems.map((p) => [p.line, p.rule])).toEqual([
      [3, "SIRET_INVALID"],
      [4, "AMOUNT_CENTS"],
      [5, "DEPARTMENT_UNKNOWN"],
      [6, "AXIS_NOT_RETAINED"],
      [7, "EXTRA_REGIONAL_PROJECT"],
      [8, "DUPLICATE_IN_FILE"],
      [9, "REQUIRED"],
    ]);
    expect(io.err).toMatch(/Refusé : rien n'a été enregistré/);
    expect(io.err).toMatch(
      /ligne 7, colonne « Départements » : Les projets de portée extrarégionale sont exclus : département\(s\) 35 .*\[EXTRA_REGIONAL_PROJECT\]/,
    );
    expect(io.err).toMatch(/ligne 8 : Ligne en double : même structure et même intitulé que la ligne 2\. \[DUPLICATE_IN_FILE\]/);
    for (const entity of [LaureateProjectRow, LaureateProjectDepartmentRow, StructureRow, AuditEntryRow])
      expect(await count(ds, entity)).toBe(0);
  });

  test("a CAF's grants (comma, French dates): bad date, unknown fund, another department, already recorded", async () => {
    const { config, ds } = await freshDatabase(cafSubgraph);
    const existing = await recordParentalityGrant(
      ds,
      directoryClient,
      { subject: "agent", organisation: { kind: "caf", department: "44", id: "caf:44" }, token: await auth.token("caf:44") },
      {
        department: "44",
        year: 2024,
        fund: "CAF_FNP" as never,
        siret: testSiret(20),
        structureName: "Association déjà financée",
        title: "Groupes de parole",
        amount: 1000,
      },
    );
    const file = writeFile(
      "subventions-cassees.csv",
      [
        "departement,date,fonds,siret,structure,objet,montant",
        `44,15/03/2024,FNP,${testSiret(21)},Association A,Café des parents,"1 500,00"`,
        `44,31/02/2024,FNP,${testSiret(22)},Association B,Atelier,100`,
        `44,15/03/2024,FNX,${testSiret(23)},Association C,Atelier,100`,
        `45,15/03/2024,LAEP,${testSiret(24)},Association D,Atelier,100`,
        `44,15/03/2024,FNP,${testSiret(20)},Association déjà financée,Groupes de parole,1000`,
        `44,15/03/2024,FIR,${testSiret(25)},,Atelier,-3`,
      ].join("\n"),
    );
    const { code, report } = await importCli(config, ["subventions", file], "caf:44");
    expect(code).toBe(1);
    expect(report!.problems.map((p) => [p.line, p.column, p.rule])).toEqual([
      [3, "date", "DATE_FORMAT"],
      [4, "fonds", "FUND_UNKNOWN"],
      [5, "departement", "DEPARTMENT_NOT_OWNED"],
      [6, null, "DUPLICATE_EXISTING"],
      [7, "fonds", "FUND_NOT_CAF"],
      [7, "structure", "REQUIRED"],
      [7, "montant", "AMOUNT_POSITIVE"],
    ]);
    expect(report!.problems.find((p) => p.rule === "DUPLICATE_EXISTING")!.message).toContain(`identifiant ${existing.id}`);
    expect(await ds.getRepository(ParentalityGrantRow).find()).toEqual([expect.objectContaining({ id: existing.id })]);
    expect(await count(ds, AuditEntryRow)).toBe(1); // the single write's own entry
  });

  test("access: another region's ARS, a CAF on credits, a token that does not verify; nothing written", async () => {
    const { config, ds } = await freshDatabase(arsSubgraph);
    const call = await ds.getRepository(CallRow).save({
      regionCode: "52",
      year: 2021,
      joint: false,
      envelopeCents: 10_000_000,
      title: "Appel",
      axes: [Axis.SCREENING_CONTINUITY],
      deadline: null,
      resultsDue: null,
    });
    const file = writeFile("un-laureat.csv", `titre,siret,structure,departements,axes,montant\nProjet,${testSiret(30)},Asso,44,1,1000\n`);
    const other = await importCli(config, ["laureats", file, "--appel", String(call.id)], "ars:53");
    expect(other.code).toBe(1);
    expect(other.report!.problems).toEqual([
      expect.objectContaining({ line: null, rule: "FORBIDDEN", message: expect.stringContaining("ars:52") }),
    ]);
    expect((await importCli(config, ["credits", file], "caf:44")).code).toBe(3);
    const io = quietIo();
    expect((await runImportCli(["laureats", file, "--appel", String(call.id), "--jeton", "pas-un-jeton"], io, envFor(config))).code).toBe(
      3,
    );
    expect(io.err).toMatch(/Jeton refusé/);
    expect((await runImportCli(["laureats", file, "--appel", String(call.id)], quietIo(), envFor(config))).code).toBe(3);
    expect(await count(ds, LaureateProjectRow)).toBe(0);
  });
});

test("a valid laureates file is written at once: rows, departments, structures, one audit entry", async () => {
  const { config, ds } = await freshDatabase(arsSubgraph);
  const call = await ds.getRepository(CallRow).save({
    regionCode: "52",
    year: 2021,
    joint: false,
    envelopeCents: eurosToCents(100_000),
    title: "Appel",
    axes: [Axis.SCREENING_CONTINUITY, Axis.HEALTH_PROMOTION],
    deadline: null,
    resultsDue: null,
  });
  const file = writeFile(
    "laureats.csv",
    [
      "titre,siret,structure,departements,axes,montant,reference dossier,description",
      `Projet A,${testSiret(40)},Asso A,"44, 49","1,2",60000.10,DOS-A,Premier`,
      `Projet B,${testSiret(41)},Asso B,85,HEALTH_PROMOTION,39999.90,,`,
    ].join("\n"),
  );
  const { code, report, io } = await importCli(config, ["laureats", file, "--appel", String(call.id)], "ars:52");
  expect(io.err).toBe("");
  expect(code).toBe(0);
  expect(report).toMatchObject({ accepted: true, rows: 2, written: 2, totalCents: 10_000_000, totalsByYear: { "2021": 10_000_000 } });
  // no shared cache configured: the partner is told when dashboards will show the lines
  expect(io.out).toMatch(/dès l'expiration du cache des réponses de la passerelle \(30 s par défaut/);
  expect(await count(ds, LaureateProjectRow)).toBe(2);
  expect((await ds.getRepository(LaureateProjectDepartmentRow).find()).map((d) => d.departmentCode).sort()).toEqual(["44", "49", "85"]);
  const audits = await ds.getRepository(AuditEntryRow).find();
  expect(audits).toHaveLength(1);
  expect(audits[0]).toMatchObject({ organisation: "ars:52", operation: "importHealthProjects" });
  expect(JSON.parse(audits[0].changes)).toMatchObject({ file: "laureats.csv", rows: 2, totalAmount: 100000 });
  // the envelope is now spent: one more euro is refused for the whole file
  const more = writeFile("un-de-plus.csv", `titre,siret,structure,departements,axes,montant\nProjet C,${testSiret(42)},Asso C,44,1,1\n`);
  const refused = await importCli(config, ["laureats", more, "--appel", String(call.id)], "ars:52");
  expect(refused.report!.problems.map((p) => p.rule)).toEqual(["ENVELOPE_EXCEEDED"]);
});

test("SCDL round trip: a CAF's grants exported through the hub, re-imported into a fresh database, same totals", async () => {
  const dataset = buildDemoDataset();
  const byDepartment = new Map<string, number>();
  for (const g of dataset.grants) byDepartment.set(g.departmentCode, (byDepartment.get(g.departmentCode) ?? 0) + 1);
  const department = [...byDepartment.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const hub = await startTestHub({ demo: dataset });
  let exported;
  try {
    exported = await exportFunderScdl(gatewayClient(hub.gateway.url), "caf", department, null);
  } finally {
    await hub.stop().catch(() => undefined);
  }
  const original = dataset.grants.filter((g) => g.departmentCode === department);
  expect(exported.rows).toBe(original.length);
  const file = writeFile(exported.fileName, exported.csv);
  const { config, ds } = await freshDatabase(cafSubgraph);
  const { code, report, io } = await importCli(config, ["subventions", file], `caf:${department}`);
  expect(io.err).toBe("");
  expect(code).toBe(0);
  const totals = (rows: { year: number; fund: string; amountCents: number }[]) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[`${r.year} ${r.fund}`] = (out[`${r.year} ${r.fund}`] ?? 0) + r.amountCents;
    return out;
  };
  const reimported = await ds.getRepository(ParentalityGrantRow).find();
  expect(reimported).toHaveLength(original.length);
  expect(totals(reimported)).toEqual(totals(original));
  expect(report!.totalCents).toBe(original.reduce((s, g) => s + g.amountCents, 0));
  expect(reimported.map((g) => `${g.siret} ${g.title}`).sort()).toEqual(original.map((g) => `${g.siret} ${g.title}`).sort());
});

describe("the hub's structure directory", () => {
  // SIRETs no other test of the file records: the directory keeps the first name it is told
  const [S60, S61] = [testSiret(9_060), testSiret(9_061)];
  const file = () =>
    writeFile(
      "annuaire.csv",
      `date,fonds,siret,structure,objet,montant\n2024-01-05,FNP,${S60},Crèche « Les Mésanges » (fictif),Éveil,10\n2024-01-06,FNP,${S61},Halte-garderie (fictif),Éveil,20\n`,
    );

  test("an accepted import gives it the file's SIRETs and names before it commits", async () => {
    const { config } = await freshDatabase(cafSubgraph);
    expect((await importCli(config, ["subventions", file()], "caf:44")).code).toBe(0);
    const rows = await directory.database.dataSource
      .getRepository(StructureDirectoryRow)
      .find({ where: [{ siret: S60 }, { siret: S61 }], order: { siret: "ASC" } });
    expect(rows.map((r) => [r.recordedName, r.recordedBy])).toEqual([
      ["Crèche « Les Mésanges » (fictif)", "caf:44"],
      ["Halte-garderie (fictif)", "caf:44"],
    ]);
  });

  test("unreachable: the import is refused with a French report, nothing written", async () => {
    const { config, ds } = await freshDatabase(cafSubgraph);
    const io = quietIo();
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    const result = await runImportCli(["subventions", file(), "--jeton", await auth.token("caf:44")], io, {
      ...envFor(config),
      SUBGRAPH_URL_HUB: "http://127.0.0.1:9/graphql",
    }).finally(() => logged.mockRestore());
    expect(result.code).toBe(1);
    expect(io.err).toMatch(
      /Refusé : rien n'a été enregistré.*\n.*annuaire des structures du hub ne répond pas.*\[STRUCTURE_DIRECTORY_UNAVAILABLE\]/,
    );
    for (const entity of [ParentalityGrantRow, StructureRow, AuditEntryRow]) expect(await count(ds, entity)).toBe(0);
  });
});

test("a wrong RESPONSE_CACHE_* stops the import before anything is written (the gateway's reader checks it)", async () => {
  const { config, ds } = await freshDatabase(cafSubgraph);
  const file = writeFile(
    "cache-mal-configure.csv",
    `date,fonds,siret,structure,objet,montant\n2024-01-05,FNP,${testSiret(62)},Crèche (fictif),Éveil,10\n`,
  );
  const io = quietIo();
  const result = await runImportCli(["subventions", file, "--jeton", await auth.token("caf:44")], io, {
    ...envFor(config),
    RESPONSE_CACHE_REDIS_URL: "http://127.0.0.1:6379",
  });
  expect(result.code).toBe(2);
  expect(io.err).toMatch(/RESPONSE_CACHE_REDIS_URL doit être une URL redis:\/\/, reçu : http:\/\/127\.0\.0\.1:6379/);
  for (const entity of [ParentalityGrantRow, StructureRow, AuditEntryRow]) expect(await count(ds, entity)).toBe(0);
});

test("the gateway's Redis unreachable from an accepted import: written, and the partner told the lines wait for the TTL with Redis", async () => {
  const { config, ds } = await freshDatabase(cafSubgraph);
  const file = writeFile(
    "redis-injoignable.csv",
    `date,fonds,siret,structure,objet,montant\n2024-01-05,FNP,${testSiret(63)},Crèche (fictif),Éveil,10\n`,
  );
  const io = quietIo();
  const result = await runImportCli(["subventions", file, "--jeton", await auth.token("caf:44")], io, {
    ...envFor(config),
    RESPONSE_CACHE_REDIS_URL: "redis://127.0.0.1:1/0", // nothing listens there
  });
  expect(result.code).toBe(0);
  expect(io.out).toMatch(/Redis du cache des réponses injoignable .*\(10 min par défaut avec Redis\)/);
  expect(await count(ds, ParentalityGrantRow)).toBe(1);
});

describe("the variants partners' spreadsheets write give the same rows", () => {
  const rows = [
    {
      date: ["2023-06-30", "30/06/2023"],
      fund: "CAF_LAEP",
      siret: testSiret(50),
      name: "Lieu d'accueil « Les Petits Pas »",
      title: "Accueil enfants-parents, samedi",
      amount: ["12345.60", "12 345,60"],
    },
    {
      date: ["2024-01-05", "05/01/2024"],
      fund: "FIPE",
      siret: testSiret(51),
      name: "Crèche, quartier Nord",
      title: "Éveil musical",
      amount: ["0.5", "0,5"],
    },
  ];
  const variants = [
    { name: "virgule, sans BOM, ISO, point décimal", sep: ",", bom: false, french: false, eol: "\n" },
    { name: "point-virgule, BOM, dates françaises, virgule décimale", sep: ";", bom: true, french: true, eol: "\r\n" },
    { name: "virgule, BOM, dates françaises, virgule décimale entre guillemets", sep: ",", bom: true, french: true, eol: "\r\n" },
    { name: "point-virgule, sans BOM, ISO, point décimal", sep: ";", bom: false, french: false, eol: "\n" },
  ];
  const quote = (cell: string, sep: string) => (cell.includes(sep) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell);
  const seen: string[] = [];
  test.each(variants)("$name", async (variant) => {
    const i = variant.french ? 1 : 0;
    const lines = [
      ["date", "fonds", "siret", "structure", "objet", "montant"],
      ...rows.map((r) => [r.date[i], r.fund, r.siret, r.name, r.title, r.amount[i]]),
    ].map((cells) => cells.map((c) => quote(c, variant.sep)).join(variant.sep));
    const content = Buffer.concat([
      variant.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
      Buffer.from(lines.join(variant.eol) + variant.eol, "utf8"),
    ]);
    const { config, ds } = await freshDatabase(cafSubgraph);
    const { code, io } = await importCli(config, ["subventions", writeFile(`variante-${seen.length}.csv`, content)], "caf:44");
    expect(io.err).toBe("");
    expect(code).toBe(0);
    const written = (await ds.getRepository(ParentalityGrantRow).find({ order: { siret: "ASC" } })).map((g) => ({
      year: g.year,
      fund: g.fund,
      siret: g.siret,
      title: g.title,
      amountCents: g.amountCents,
      departmentCode: g.departmentCode,
    }));
    expect(written).toEqual([
      {
        year: 2023,
        fund: "CAF_LAEP",
        siret: testSiret(50),
        title: "Accueil enfants-parents, samedi",
        amountCents: 1_234_560,
        departmentCode: "44",
      },
      { year: 2024, fund: "FIPE", siret: testSiret(51), title: "Éveil musical", amountCents: 50, departmentCode: "44" },
    ]);
    expect((await ds.getRepository(StructureRow).findOneByOrFail({ siret: testSiret(50) })).name).toBe("Lieu d'accueil « Les Petits Pas »");
    seen.push(variant.name);
  });

  test("a file that is not UTF-8 is refused, not guessed", async () => {
    const { config } = await freshDatabase(cafSubgraph);
    const latin1 = Buffer.from(
      `date,fonds,siret,structure,objet,montant\n2024-01-05,FNP,${testSiret(52)},Cr\xe8che,\xc9veil,10\n`,
      "latin1",
    );
    const { code, report } = await importCli(config, ["subventions", writeFile("latin1.csv", latin1)], "caf:44");
    expect(code).toBe(1);
    expect(report!.problems.map((p) => p.rule)).toEqual(["ENCODING"]);
  });
});

test("a department's credits: the same rules and report", async () => {
  const { config, ds } = await freshDatabase(departementsSubgraph);
  const file = writeFile(
    "credits.csv",
    [
      "annee;cadre;siret;structure;objet;montant;axes",
      `2024;PMI;${testSiret(60)};Centre de PMI;Consultations;2 500,00;1`,
      `2024;INCONNU;${testSiret(61)};Association;Atelier;100;`,
    ].join("\n"),
  );
  const refused = await importCli(config, ["credits", file], "cd:44");
  expect(refused.report!.problems.map((p) => [p.line, p.rule])).toEqual([[3, "PROGRAMME_UNKNOWN"]]);
  expect(await count(ds, DepartmentalCreditRow)).toBe(0);
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("INCONNU", "prevention_protection_contract"));
  const accepted = await importCli(config, ["credits", file], "cd:44");
  expect(accepted.code).toBe(0);
  expect(await count(ds, DepartmentalCreditRow)).toBe(2);
});

test("50 000 rows of a CAF import in one go (SQLite)", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-import-50k-"));
  const database: TestDatabase = {
    kind: "sqlite",
    config: { url: null, dataDir },
    drop: () => fs.promises.rm(dataDir, { recursive: true, force: true }),
  };
  const { config, ds } = await freshDatabase(cafSubgraph, database);
  const funds = ["FNP", "REAAP", "LAEP", "FPT", "FIPE"];
  const lines = ["annee;fonds;siret;structure;objet;montant;axes"];
  let expectedCents = 0;
  for (let i = 0; i < 50_000; i++) {
    const cents = 10_000 + (i % 997) * 101;
    expectedCents += cents;
    lines.push(
      `${2021 + (i % 4)};${funds[i % 5]};${testSiret(i % 5000)};Structure ${i % 5000};Action ${i};${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, "0")};${(i % 6) + 1}`,
    );
  }
  const { code, report, io } = await importCli(config, ["subventions", writeFile("50000.csv", lines.join("\n"))], "caf:44");
  expect(io.err).toBe("");
  expect(code).toBe(0);
  expect(report).toMatchObject({ rows: 50_000, written: 50_000, totalCents: expectedCents });
  expect(await count(ds, ParentalityGrantRow)).toBe(50_000);
  expect(await count(ds, StructureRow)).toBe(5000);
  const [{ total }] = await ds.query("SELECT SUM(amount_cents) AS total FROM parentality_grant");
  expect(Number(total)).toBe(expectedCents);
  expect(await count(ds, AuditEntryRow)).toBe(1);
}, 300_000);
