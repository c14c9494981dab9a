/**
 * `npm run schema:check`: each kind of refusal (composition error, breaking change, contract
 * operation that stops validating) and a passing candidate, through the library and the command
 * line — in-process, and the npm script itself in a child process — including a candidate read
 * from a running subgraph that requires the gateway's signature.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { startSubgraph } from "../../subgraphs/platform/server/subgraph-module";
import { readSubgraphConfig, startOptionsOf } from "../../subgraphs/platform/server/subgraph-config";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { cafSubgraph } from "../../subgraphs/caf";
import { checkSubgraphSchema, formatSchemaCheckReport } from "../../gateway/schema-check";
import { runSchemaCheck } from "../../scripts/schema-check";
import { CONTRACT_FILE } from "../support/contract";
import { createTestDatabase, TestDatabase } from "../support/database";
import { createTestAuth } from "../support/auth";
import { servicesEnv } from "../support/config-env";

const registeredCaf = () => fs.readFileSync(readRegistry().find((s) => s.name === "caf")!.schemaFile, "utf8");

/** Rewrites one type's block of an SDL; fails loudly if the block or the edit is not there. */
function editBlock(sdl: string, header: RegExp, edit: (block: string) => string): string {
  const match = new RegExp(`^${header.source}\\b[^{]*\\{[\\s\\S]*?\\n\\}`, "m").exec(sdl);
  if (!match) throw new Error(`bloc ${header} absent du SDL`);
  const edited = edit(match[0]);
  if (edited === match[0]) throw new Error(`modification sans effet sur ${header}`);
  return sdl.replace(match[0], edited);
}

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@inaccessible"])`;
/** A partner's new subgraph (not "departements": the lead's own subgraph may be registered). */
const PASSING = `${FEDERATION_LINK}
"""Structure porteuse (clé SIRET)."""
type Structure @key(fields: "siret") {
  siret: ID!
  """Note d'essai du partenaire."""
  essaiNote: String
  essaiContribution: FundingContribution! @inaccessible
}
type FundingContribution @shareable @inaccessible { lines: [FundingLine!]! recordedName: String }
type FundingLine @shareable @inaccessible { year: Int! source: FundingSource! funder: String! cents: Float! }
enum FundingSource { FIR P304_17 P304_19 CAF_FNP CAF_REAAP CAF_LAEP CAF_FPT FIPE DEPARTMENT LOCAL_AUTHORITY OTHER }
`;
/** Region.name is the hub's, not shareable: a second subgraph resolving it cannot compose. */
const NOT_COMPOSING = `${FEDERATION_LINK}
type Region @key(fields: "code") { code: ID! name: String! }
`;
/** Removes a field and retypes another, neither used by the contract; a required input field. */
const breaking = () => {
  let sdl = editBlock(registeredCaf(), /type ParentalityGrant/, (b) =>
    b.replace(/\n\s*"""[^"]*"""\n\s*project: Project\n/, "\n").replace("title: String!", "title: Int"),
  );
  sdl = editBlock(sdl, /input ParentalityGrantInput/, (b) => b.replace(/\n\}$/, "\n  reviewer: String!\n}"));
  return sdl;
};
/** A required argument on a field three contract reads select. */
const contractBreaking = () =>
  editBlock(registeredCaf(), /type ParentalityGrant/, (b) => b.replace("amount: Float!", "amount(currency: String!): Float!"));

const REFUSED = /REFUSÉ : corrigez les points marqués ✗ avant d'enregistrer le sous-graphe « (\w+) »\.\n$/;

describe("the library (checkSubgraphSchema)", () => {
  test("a new subgraph adding a public field and contributing to cross-financing passes, the hub counting its lines", async () => {
    const report = await checkSubgraphSchema({ name: "essai", sdl: PASSING });
    expect(report).toMatchObject({
      ok: true,
      replacesRegistered: false,
      compositionErrors: [],
      breakingChanges: [],
      contractBreaks: [],
      composedWith: readRegistry().length + 1,
    });
    expect(report.contractOperations).toBe(18);
    expect(report.supergraphSdl).toMatch(/essaiNote: String/);
    // the hub's SDL was regenerated: its cross-financing requires the newcomer's lines
    expect(report.supergraphSdl).toMatch(/join__field\(\s*graph: HUB\s+requires: "[^"]*essaiContribution\{lines/);
    expect(formatSchemaCheckReport(report)).toMatch(
      /^Vérification du sous-graphe « essai » \(nouveau sous-graphe\) :\n✓ La composition .* réussit .*\n✓ Aucun changement incompatible .*\n✓ Les 18 opérations du contrat public restent valides\.\nOK : le sous-graphe « essai » peut être enregistré/,
    );
  });

  test("the registered caf SDL, unchanged, passes as a replacement of itself", async () => {
    const report = await checkSubgraphSchema({ name: "caf", sdl: registeredCaf() });
    expect(report).toMatchObject({ ok: true, replacesRegistered: true, compositionErrors: [], breakingChanges: [], contractBreaks: [] });
  });

  test("a composition error is refused with the composition's reason, nothing else compared", async () => {
    const report = await checkSubgraphSchema({ name: "essai", sdl: NOT_COMPOSING });
    expect(report.ok).toBe(false);
    expect(report.compositionErrors).toEqual([
      expect.stringMatching(
        /^le champ Region\.name est déjà résolu par un autre sous-graphe : .* \(détail : Non-shareable field "Region\.name" is resolved from multiple subgraphs/,
      ),
    ]);
    expect(report.supergraphSdl).toBeNull();
    const text = formatSchemaCheckReport(report);
    expect(text).toMatch(
      /✗ La composition avec les sous-graphes enregistrés échoue \(1 erreur\) :\n {4}- le champ Region\.name est déjà résolu/,
    );
    expect(text).toMatch(/changements incompatibles et contrat non vérifiés/);
    expect(text).toMatch(REFUSED);
  });

  test("an unreadable SDL is refused with its line and column", async () => {
    const report = await checkSubgraphSchema({
      name: "essai",
      sdl: `${FEDERATION_LINK}\ntype Region @key(fields: "code") {\n  code: ID!\n  name String\n}`,
    });
    expect(report.ok).toBe(false);
    expect(report.compositionErrors).toEqual([
      expect.stringMatching(/^Le SDL du candidat n'est pas lisible \(ligne 4, colonne 8\) : Syntax Error/),
    ]);
  });

  test("breaking changes against the served public API are refused, each said in French", async () => {
    const report = await checkSubgraphSchema({ name: "caf", sdl: breaking() });
    expect(report.compositionErrors).toEqual([]);
    expect(report.contractBreaks).toEqual([]); // none of these is used by the contract
    expect(report.breakingChanges.sort()).toEqual([
      "le champ ParentalityGrant.project est supprimé",
      "le champ ParentalityGrant.title change de type : String! → Int",
      "le champ obligatoire reviewer est ajouté à l'entrée ParentalityGrantInput : les appels existants, qui ne le donnent pas, seraient refusés",
    ]);
    expect(report.ok).toBe(false);
    expect(formatSchemaCheckReport(report)).toMatch(
      /✗ 3 changements incompatibles avec le graphe public servi aujourd'hui .*:\n {4}- le champ ParentalityGrant\.project est supprimé/,
    );
  });

  test("contract operations that would stop validating are named, with the reason", async () => {
    const report = await checkSubgraphSchema({ name: "caf", sdl: contractBreaking() });
    expect(report.ok).toBe(false);
    expect(report.breakingChanges).toEqual([
      "l'argument obligatoire currency est ajouté à ParentalityGrant.amount : les requêtes existantes, qui ne le donnent pas, seraient refusées",
    ]);
    expect(report.contractBreaks.map((b) => b.operation)).toEqual([
      "RegionDashboard",
      "StructureFinancing",
      "CoFinancedProject",
      "CafDepartment",
      "RecordParentalityGrant",
    ]);
    expect(report.contractBreaks[0].errors).toEqual(["l'argument obligatoire currency (String!) du champ amount n'est pas donné"]);
    const text = formatSchemaCheckReport(report);
    expect(text).toMatch(
      /✗ 5 opérations du contrat public ne seraient plus valides :\n {4}- RegionDashboard : l'argument obligatoire currency/,
    );
    expect(text).toMatch(REFUSED);
  });

  test("only operations valid today are held against the candidate", async () => {
    const contract = `query Today { regions { code } }\nquery AlreadyBroken { regions { nothingHere } }\nquery Grants { structure(siret: "1") { parentalityGrants { id amount } } }`;
    const report = await checkSubgraphSchema({ name: "caf", sdl: contractBreaking(), contract });
    expect(report.contractOperations).toBe(2);
    expect(report.contractBreaks).toEqual([
      { operation: "Grants", errors: ["l'argument obligatoire currency (String!) du champ amount n'est pas donné"] },
    ]);
  });
});

describe("the command line (npm run schema:check)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-"));
    for (const [file, sdl] of Object.entries({
      "passing.graphql": PASSING,
      "not-composing.graphql": NOT_COMPOSING,
      "breaking.graphql": breaking(),
      "contract.graphql": contractBreaking(),
    })) {
      fs.writeFileSync(path.join(dir, file), sdl);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const out = { stdout: "", stderr: "" };
    const code = await runSchemaCheck(
      argv,
      {
        stdout: (t) => {
          out.stdout += t;
        },
        stderr: (t) => {
          out.stderr += t;
        },
      },
      { CONTRACT_FILE, ...env },
    );
    return { code, ...out };
  };

  test("exit 0 and OK on stdout for a passing candidate, a path relative to where npm was called", async () => {
    const result = await run(["essai", "passing.graphql"], { INIT_CWD: dir });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/\nOK : le sous-graphe « essai » peut être enregistré/);
  });

  test.each([
    ["a composition error", "essai", "not-composing.graphql", /✗ La composition avec les sous-graphes enregistrés échoue/],
    ["a breaking change", "caf", "breaking.graphql", /✗ 3 changements incompatibles/],
    ["a contract operation that stops validating", "caf", "contract.graphql", /✗ 5 opérations du contrat public ne seraient plus valides/],
  ])("exit 1 on %s, the report on stderr", async (_kind, name, file, expected) => {
    const result = await run([name, path.join(dir, file)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).toMatch(REFUSED);
  });

  test("exit 2 when the check cannot run: usage, bad name, missing file or contract", async () => {
    expect(await run([])).toMatchObject({ code: 2, stderr: expect.stringMatching(/npm run schema:check -- <nom> <fichier SDL ou URL>/) });
    expect(await run(["Caf!", "x.graphql"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Nom de sous-graphe invalide « Caf! »/),
    });
    expect(await run(["caf", path.join(dir, "absent.graphql")])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Fichier illisible : .*absent\.graphql \(ENOENT\)/),
    });
    expect(await run(["caf", path.join(dir, "passing.graphql")], { CONTRACT_FILE: path.join(dir, "no-contract.graphql") })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Contrat introuvable/),
    });
    expect(await run(["--aide"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/Code de sortie : 0 si tout va bien/) });
  });

  describe("a candidate read from a running subgraph (URL)", () => {
    let database: TestDatabase;
    const auth = createTestAuth();
    let caf: SubgraphServer;
    beforeAll(async () => {
      database = await createTestDatabase();
      caf = await startSubgraph(cafSubgraph, startOptionsOf(readSubgraphConfig("caf", servicesEnv(auth, database.config)), null));
    });
    afterAll(async () => {
      await (caf as SubgraphServer | undefined)?.stop();
      await (database as TestDatabase | undefined)?.drop();
      auth.cleanup();
    });

    test("signed with HUB_HMAC_SECRET as the gateway signs, the running caf's SDL is read and passes", async () => {
      const before = caf.stats().requests;
      const result = await run(["caf", caf.url], { HUB_HMAC_SECRET: auth.config.hmacSecret });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/remplace le sous-graphe enregistré de ce nom/);
      expect(caf.stats().requests - before).toBe(1);
    });

    test("unsigned or wrongly signed, the subgraph's 401 is explained; an unreachable URL too", async () => {
      expect(await run(["caf", caf.url])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/refuse les requêtes non signées \(401\) : donnez le secret .* HUB_HMAC_SECRET/),
      });
      expect(await run(["caf", caf.url], { HUB_HMAC_SECRET: "x".repeat(40) })).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/refuse la signature \(401\)/),
      });
      expect(await run(["caf", "http://127.0.0.1:9/graphql"])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^Le sous-graphe http:\/\/127\.0\.0\.1:9\/graphql ne répond pas/),
      });
    });
  });

  test("the npm script itself, compiled as npm compiles it, exits 0 then 1", async () => {
    const script = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts["schema:check"] as string;
    expect(script).toMatch(/\bdist\b/);
    const out = path.join(".tmp", `schema-check-${process.pid}`);
    try {
      const sh = promisify(execFile);
      const command = script.replace(/\bdist\b/g, out);
      const env = { ...process.env, CONTRACT_FILE };
      const passing = await sh("sh", ["-c", `${command} essai ${path.join(dir, "passing.graphql")}`], { env });
      expect(passing.stdout).toMatch(/\nOK : le sous-graphe « essai » peut être enregistré/);
      const refused = await sh("sh", ["-c", `${command} caf ${path.join(dir, "breaking.graphql")}`], { env }).then(
        () => null,
        (error: unknown) => error as { code?: number; stderr?: string },
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toMatch(/✗ 3 changements incompatibles/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
