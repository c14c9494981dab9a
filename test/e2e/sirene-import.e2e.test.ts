/**
 * `npm run import -- sirene`: a SIRENE extract (the published StockEtablissement format; a
 * fictitious file, fixtures/sirene/) overrides the names funders recorded in the hub's
 * structure directory, all or nothing, with a French report; later funder writes rename nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runImportCli, ImportIo } from "../../scripts/import";
import { startTestHub, TestHub } from "../support/hub";
import { testSiret } from "../support/fixtures";
import { contractQuery } from "../support/contract";
import { DEFAULT_RESPONSE_CACHE } from "../../gateway/response-cache";
import { StructureDirectoryRow } from "../../subgraphs/hub/directory/structure-directory.entity";
import { In } from "typeorm";
import { Json } from "../support/json";

const FIXTURE = path.resolve(__dirname, "../../fixtures/sirene/StockEtablissement-extrait-fictif.csv");
const [LUCIOLES, MESANGES, CLOSED, NOT_PUBLIC] = [4_301, 4_302, 4_303, 4_304].map(testSiret);
const files = fs.mkdtempSync(path.join(os.tmpdir(), "hub-sirene-"));

let hub: TestHub;
// no response cache: the import, like any import, writes beside the gateway
beforeAll(async () => {
  hub = await startTestHub({ speed: { responseCache: { ...DEFAULT_RESPONSE_CACHE, ttlMs: 0 } } });
});
afterAll(async () => {
  await (hub as TestHub | undefined)?.stop();
  fs.rmSync(files, { recursive: true, force: true });
});

async function importSirene(file: string, organisation = "national") {
  const io: ImportIo & { out: string; err: string } = {
    out: "",
    err: "",
    isTTY: false,
    stdout: (t) => {
      io.out += t;
    },
    stderr: (t) => {
      io.err += t;
    },
  };
  const config = hub.database.config;
  const env = {
    ...(config.url ? { DATABASE_URL: config.url } : { DATA_DIR: config.dataDir }),
    AUTH_PUBLIC_KEY_FILE: hub.auth.secrets.publicKeyFile,
    HUB_HMAC_SECRET: hub.auth.secrets.hmacSecret,
  };
  const { code } = await runImportCli(["sirene", file, "--jeton", await hub.auth.token(organisation)], io, env);
  return { code, io };
}
const grant = (siret: string, structureName: string, title: string) => ({
  department: "44",
  year: 2024,
  fund: "CAF_FNP",
  siret,
  structureName,
  title,
  amount: 800,
});
async function record(siret: string, name: string, title: string) {
  const answer = await hub.query(
    contractQuery("RecordParentalityGrant"),
    { input: grant(siret, name, title) },
    undefined,
    await hub.auth.token("caf:44"),
  );
  expect(answer.errors).toBeUndefined();
}
const names = async () => {
  const { data } = await hub.query(
    `query($a: ID!, $b: ID!, $c: ID!, $d: ID!) { a: structure(siret: $a) { name } b: structure(siret: $b) { name } c: structure(siret: $c) { name } d: structure(siret: $d) { name } }`,
    { a: LUCIOLES, b: MESANGES, c: CLOSED, d: NOT_PUBLIC },
  );
  return [data.a.name, data.b.name, data.c.name, data.d.name];
};

test("the fixture is in the published format: StockEtablissement's header, siret = siren + nic", () => {
  const [header, ...rows] = fs.readFileSync(FIXTURE, "utf8").trim().split("\n");
  expect(header.split(",").slice(0, 3)).toEqual(["siren", "nic", "siret"]);
  expect(header).toMatch(
    /,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,/,
  );
  expect(rows.map((r) => r.split(",")[2])).toEqual([LUCIOLES, MESANGES, CLOSED, NOT_PUBLIC]);
});

test("a broken extract is refused line by line, nothing written", async () => {
  const header = "siren,nic,siret,etatAdministratifEtablissement,denominationUsuelleEtablissement";
  const file = path.join(files, "casse.csv");
  fs.writeFileSync(
    file,
    [
      header,
      `${LUCIOLES.slice(0, 9)},${LUCIOLES.slice(9)},${LUCIOLES},A,NOM A (FICTIF)`,
      `123456789,12345,12345678912345,A,SIRET FAUX (FICTIF)`,
      `${MESANGES.slice(0, 9)},00000,${MESANGES},A,NIC FAUX (FICTIF)`,
      `${CLOSED.slice(0, 9)},${CLOSED.slice(9)},${CLOSED},X,ETAT FAUX (FICTIF)`,
      `${LUCIOLES.slice(0, 9)},${LUCIOLES.slice(9)},${LUCIOLES},A,EN DOUBLE (FICTIF)`,
    ].join("\n"),
  );
  const { code, io } = await importSirene(file);
  expect(code).toBe(1);
  expect(io.err).toMatch(/Refusé : rien n'a été enregistré\. 4 règle\(s\)/);
  for (const rule of [
    "ligne 3, colonne « siret » : SIRET invalide.*\\[SIRET_INVALID\\]",
    "ligne 4.*\\[SIRET_SIREN_NIC\\]",
    "ligne 5.*\\[SIRENE_STATE\\]",
    "ligne 6.*déjà ligne 2.*\\[DUPLICATE_IN_FILE\\]",
  ])
    expect(io.err).toMatch(new RegExp(rule));
  expect(await hub.subgraphs.hub.database.dataSource.getRepository(StructureDirectoryRow).countBy({ officialName: "NOM A (FICTIF)" })).toBe(
    0,
  );

  fs.writeFileSync(file, "siret,nom\n1,2\n");
  expect((await importSirene(file)).io.err).toMatch(
    /absente : « siren ».*\n.*nic.*\n.*etatAdministratifEtablissement[\s\S]*Aucune colonne de nom/,
  );
  expect((await importSirene(FIXTURE, "caf:44")).code).toBe(3);
});

test("its names override the recorded ones on every path; later funder writes rename nothing", async () => {
  await record(LUCIOLES, "Lucioles, lieu d'accueil (fictif)", "Accueil");
  expect(await names()).toEqual(["Lucioles, lieu d'accueil (fictif)", null, null, null]);

  const { code, io } = await importSirene(FIXTURE);
  expect(io.err).toBe("");
  expect(code).toBe(0);
  expect(io.out).toMatch(
    /Accepté : 3 nom\(s\) officiel\(s\) dans l'annuaire des structures \(1 SIRET déjà connu\(s\), 1 établissement\(s\) fermé\(s\)\) ; 1 ligne\(s\) sans nom public ignorée\(s\)\./,
  );
  // enseigne1 when there is no usual name; the usual name first; the legal unit's name last; [ND] is no name
  expect(await names()).toEqual([
    "LES LUCIOLES (FICTIF)",
    "CRECHE PARENTALE LES MESANGES (FICTIF)",
    "ASSOCIATION EXEMPLE, SOUTIEN A LA PARENTALITE (FICTIF)",
    null,
  ]);

  await record(LUCIOLES, "Autre nom (fictif)", "Accueil, second semestre");
  await record(NOT_PUBLIC, "Relais petite enfance (fictif)", "Accueil");
  expect(await names()).toEqual([
    "LES LUCIOLES (FICTIF)",
    "CRECHE PARENTALE LES MESANGES (FICTIF)",
    "ASSOCIATION EXEMPLE, SOUTIEN A LA PARENTALITE (FICTIF)",
    "Relais petite enfance (fictif)",
  ]);
  const dashboard = await hub.query(contractQuery("RegionDashboard"), { region: "52", year: 2024 });
  const grants = dashboard.data.region.departments.find((d: Json) => d.code === "44").parentalityGrants;
  expect(grants.filter((g: Json) => g.structure.siret === LUCIOLES).map((g: Json) => g.structure.name)).toEqual([
    "LES LUCIOLES (FICTIF)",
    "LES LUCIOLES (FICTIF)",
  ]);

  // the same file again changes nothing
  expect((await importSirene(FIXTURE)).io.out).toMatch(/3 SIRET déjà connu/);
  expect(await names()).toEqual([
    "LES LUCIOLES (FICTIF)",
    "CRECHE PARENTALE LES MESANGES (FICTIF)",
    "ASSOCIATION EXEMPLE, SOUTIEN A LA PARENTALITE (FICTIF)",
    "Relais petite enfance (fictif)",
  ]);
});

test("an official name follows the rule of every structure name (TEXT_LIMITS.name): no control character, at most 300 characters counted in code points", async () => {
  const header = "siren,nic,siret,etatAdministratifEtablissement,enseigne1Etablissement,denominationUsuelleEtablissement";
  const [NUL_NAME, LONG_NAME, ASTRAL_NAME] = [4_305, 4_306, 4_307].map(testSiret);
  const row = (siret: string, sign: string, usualName: string) => `${siret.slice(0, 9)},${siret.slice(9)},${siret},A,${sign},${usualName}`;
  const file = path.join(files, "noms.csv");
  fs.writeFileSync(
    file,
    [header, row(NUL_NAME, "ENSEIGNE (FICTIF)", "NOM\u0000NUL (FICTIF)"), row(LONG_NAME, "N".repeat(301), "")].join("\n"),
  );
  const { code, io } = await importSirene(file);
  expect(code).toBe(1);
  expect(io.err).toMatch(/Refusé : rien n'a été enregistré\. 2 règle\(s\)/);
  expect(io.err).toMatch(
    /ligne 2, colonne « denominationUsuelleEtablissement » : Le nom de l'établissement contient un caractère de contrôle.*\[TEXT_CONTROL_CHARACTER\]/,
  );
  expect(io.err).toMatch(
    /ligne 3, colonne « enseigne1Etablissement » : Le nom de l'établissement dépasse 300 caractères \(301\)\. \[TEXT_TOO_LONG\]/,
  );
  expect(
    await hub.subgraphs.hub.database.dataSource.getRepository(StructureDirectoryRow).countBy({ siret: In([NUL_NAME, LONG_NAME]) }),
  ).toBe(0);

  // 300 characters outside the BMP (600 UTF-16 units) are 300 characters, as PostgreSQL counts them
  const astral = "𝒜".repeat(300);
  fs.writeFileSync(file, [header, row(ASTRAL_NAME, "", astral)].join("\n"));
  const accepted = await importSirene(file);
  expect(accepted.io.err).toBe("");
  expect(accepted.code).toBe(0);
  const { data } = await hub.query(`query($s: ID!) { structure(siret: $s) { name } }`, { s: ASTRAL_NAME });
  expect(data.structure.name).toBe(astral);
});
