/**
 * `npm run subgraph:new`, end to end, in a copy of the repository under .tmp/ (git-ignored,
 * deleted afterwards; the real tree is never written): the scaffold refuses what it must, registers
 * the new subgraph in the copy's supergraph.yaml and registry.ts, its code type-checks, composes
 * with the registered subgraphs (the hub's SDL rebuilt with the discovered contributions, as
 * `npm run compose` does) and answers through the gateway: a recorded line is counted in
 * crossFinancing.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { discoverContributions } from "../../subgraphs/domain/federation/contributions";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { composeCopy, copyRepository, REPO, scaffoldInto, startCopiedSubgraphs, startGatewayOn } from "../support/scaffold-copy";
import { RunningGateway } from "../../gateway/server";
import { createTestDatabase, TestDatabase } from "../support/database";
import { createTestAuth } from "../support/auth";
import { call, laureate, testSiret } from "../support/fixtures";
import { contractQuery } from "../support/contract";
import { Json } from "../support/json";

const ROOT = path.join(REPO, ".tmp", `scaffold-${process.pid}`);
const NAME = "collectivites";

const scaffold = (...args: string[]) => scaffoldInto(ROOT, ...args);

/** Every file under the copy (links not followed) with its content: to prove nothing was written. */
function snapshot(dir = ROOT): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, snapshot(file));
    else files[path.relative(ROOT, file)] = entry.isSymbolicLink() ? `-> ${fs.readlinkSync(file)}` : fs.readFileSync(file, "utf8");
  }
  return files;
}

let created: ReturnType<typeof scaffold>;
beforeAll(() => {
  copyRepository(ROOT);
  created = scaffold(NAME, "--source", "LOCAL_AUTHORITY", "--org", "cd", "--funder", "Collectivité partenaire");
});
afterAll(() => fs.rmSync(ROOT, { recursive: true, force: true }));

test("writes the subgraph and its test, registers it, and prints the next steps", () => {
  expect(created).toMatchObject({ code: 0, stderr: "" });
  for (const file of ["grant.entity.ts", "initial.migration.ts", "writes.ts", `${NAME}.funder.ts`, "index.ts"]) {
    expect(fs.existsSync(path.join(ROOT, "subgraphs", NAME, file))).toBe(true);
  }
  expect(fs.existsSync(path.join(ROOT, "test", "e2e", `${NAME}.e2e.test.ts`))).toBe(true);
  expect(created.stdout).toMatch(/npm run compose/);
  expect(created.stdout).toMatch(new RegExp(`npm run schema:check -- ${NAME} `));
  // the real tree is untouched
  expect(fs.existsSync(path.join(REPO, "subgraphs", NAME))).toBe(false);
  expect(fs.readFileSync(path.join(REPO, "schema", "supergraph.yaml"), "utf8")).not.toMatch(NAME);
});

test("one entry in supergraph.yaml, before the hub's, on the first free port, comments kept", () => {
  const before = fs.readFileSync(path.join(REPO, "schema", "supergraph.yaml"), "utf8");
  const after = fs.readFileSync(path.join(ROOT, "schema", "supergraph.yaml"), "utf8");
  const entry = `  ${NAME}:\n    routing_url: http://127.0.0.1:4006/graphql\n    schema:\n      file: ./subgraphs/${NAME}.graphql\n`;
  expect(after).toBe(before.replace(/^ {2}hub:$/m, `${entry}  hub:`));
  expect(readRegistry(path.join(ROOT, "schema", "supergraph.yaml")).map((s) => s.name)).toEqual([
    "ars",
    "dreets",
    "caf",
    "maisons",
    "departements",
    NAME,
    "hub",
  ]);
  const registry = fs.readFileSync(path.join(ROOT, "subgraphs", "registry.ts"), "utf8");
  expect(registry).toMatch(`import { ${NAME}Subgraph } from "./${NAME}";\nimport { hubSubgraph } from "./hub";`);
  const funders = /FUNDER_SUBGRAPHS: readonly SubgraphModule\[\] = \[([^\]]*)\];/
    .exec(registry)?.[1]
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  expect(funders).toEqual([
    "arsSubgraph",
    "dreetsSubgraph",
    "cafSubgraph",
    "maisonsSubgraph",
    "departementsSubgraph",
    "collectivitesSubgraph",
  ]);
  expect(fs.readFileSync(path.join(ROOT, "subgraphs", NAME, "index.ts"), "utf8")).toMatch(/runSubgraphMain\(collectivitesSubgraph\);/);
});

test("refuses an invalid or taken name, an unknown source or organisation, and writes nothing", () => {
  const before = snapshot();
  const cases: [string[], RegExp][] = [
    [["Collectivites"], /Nom invalide/],
    [["mon-cd"], /Nom invalide/],
    [["caf"], /existe déjà/],
    [["hub"], /existe déjà/],
    [["platform"], /existe déjà/],
    [["domain"], /existe déjà/],
    [[NAME], /existe déjà/],
    [["regions", "--source", "REGION"], /Source de financement inconnue/],
    [["regions", "--org", "mairie"], /Organisation inconnue/],
    [["regions", "--port", "4001"], /déjà celui d'un sous-graphe/],
    [[], /Usage|npm run subgraph:new/],
  ];
  for (const [args, message] of cases) {
    const result = scaffold(...args);
    expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 2, stderr: expect.stringMatching(message) });
  }
  expect(snapshot()).toEqual(before);
});

test("the generated code type-checks with the repository's strict settings", async () => {
  const tsconfig = {
    extends: path.join(REPO, "tsconfig.json"),
    compilerOptions: { rootDir: REPO },
    include: [`subgraphs/${NAME}`, "subgraphs/registry.ts", `test/e2e/${NAME}.e2e.test.ts`],
  };
  fs.writeFileSync(path.join(ROOT, "tsconfig.json"), JSON.stringify(tsconfig));
  const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
  const result = await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", path.join(ROOT, "tsconfig.json")]).then(
    () => "",
    (error: unknown) => (error as { stdout?: string }).stdout ?? String(error),
  );
  expect(result).toBe("");
}, 180_000);

describe("once composed, through the gateway", () => {
  const SIRET = testSiret(77);
  const database: { current?: TestDatabase } = {};
  const auth = createTestAuth();
  const servers: Record<string, SubgraphServer> = {};
  let gateway: RunningGateway | undefined;
  let supergraph: Awaited<ReturnType<typeof composeCopy>>;

  beforeAll(async () => {
    supergraph = await composeCopy(ROOT, [NAME]);
    if (!supergraph.composed.ok) return;
    const { supergraphFile } = supergraph;
    database.current = await createTestDatabase();
    Object.assign(servers, await startCopiedSubgraphs(ROOT, supergraph, { database: database.current.config, auth }));
    gateway = await startGatewayOn(supergraphFile, servers, auth);
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    await database.current?.drop();
    auth.cleanup();
  });

  const query = async (q: string, variables?: Record<string, unknown>, token?: string) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    return (await fetch(gateway!.url, { method: "POST", headers, body: JSON.stringify({ query: q, variables }) })).json() as Promise<{
      data?: Json;
      errors?: { message: string; extensions?: { code?: string } }[];
    }>;
  };

  test("composes with the registered subgraphs; its contribution fields are discovered and stay internal", () => {
    expect(supergraph.composed).toMatchObject({ ok: true });
    const funders = supergraph.subgraphs.filter((s) => s.name !== "hub");
    expect(discoverContributions(funders).filter((c) => c.subgraph === NAME)).toEqual(
      ["Region", "Department", "Structure", "Project"].map((entity) => ({
        subgraph: NAME,
        entity,
        field: `${NAME}Contribution`,
        nonNull: true,
        optionalLineFields: ["dossier", "forecast"],
        details: true,
      })),
    );
    expect(supergraph.subgraphs.find((s) => s.name === "hub")!.sdl).toMatch(
      new RegExp(`CrossFinancing!? @requires\\(fields: "[^"]*${NAME}Contribution \\{ lines`),
    );
    expect(supergraph.subgraphs.find((s) => s.name === "hub")!.sdl).toMatch(
      new RegExp(`AxisFinancing!? @requires\\(fields: "[^"]*${NAME}Contribution \\{ details`),
    );
    const api = (supergraph.composed as { publicSdl: string }).publicSdl;
    expect(api).toMatch(/recordCollectivitesGrant\(/);
    expect(api).toMatch(/collectivitesGrants/);
    expect(api).not.toMatch(/Contribution/);
  });

  test("its write follows the shared rules and access model", async () => {
    const record = `mutation($input: CollectivitesGrantInput!) { recordCollectivitesGrant(input: $input) { id } }`;
    const input = { department: "44", year: 2024, siret: "11111111111111", structureName: "Structure", title: "Objet", amount: 10 };
    expect((await query(record, { input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await query(record, { input }, await auth.token("cd:49"))).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const refused = await query(record, { input }, await auth.token("cd:44"));
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/SIRET invalide/), extensions: { code: "BAD_USER_INPUT" } });
  });

  test("its write gets the shared bounds and stays correct under concurrent copies", async () => {
    const record = `mutation($input: CollectivitesGrantInput!) { recordCollectivitesGrant(input: $input) { id } }`;
    const token = await auth.token("cd:44");
    const input = (over: Record<string, unknown>) => ({
      department: "44",
      year: 2025,
      siret: testSiret(81),
      structureName: "Structure (fictif)",
      title: "Objet en rafale",
      amount: 10,
      ...over,
    });
    for (const [over, rule] of [
      [{ amount: 45_000_000_000_000 }, "AMOUNT_CEILING"],
      [{ title: "x".repeat(10_000) }, "TEXT_TOO_LONG"],
      [{ structureName: "Nom\u0000" }, "TEXT_CONTROL_CHARACTER"],
    ] as const) {
      const refused = await query(record, { input: input(over) }, token);
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: "BAD_USER_INPUT", violations: [expect.objectContaining({ rule })] },
      });
    }
    const answers = await Promise.all(Array.from({ length: 8 }, () => query(record, { input: input({}) }, token)));
    const refusals = answers.filter((a) => a.errors);
    expect(answers.length - refusals.length).toBe(1);
    for (const a of refusals)
      expect(a.errors![0]).toMatchObject({ message: expect.stringMatching(/déjà enregistré/), extensions: { code: "BAD_USER_INPUT" } });
  });

  test("a recorded line shows in crossFinancing of structure, dossier, department and region", async () => {
    const recorded = await query(
      `mutation($input: CollectivitesGrantInput!) { recordCollectivitesGrant(input: $input) { amount structure { siret } project { ref } } }`,
      {
        input: {
          department: "44",
          year: 2024,
          siret: SIRET,
          structureName: "Crèche exemple (fictif)",
          title: "Ateliers parents-enfants",
          amount: 2500.5,
          projectRef: "R-SCAFFOLD",
        },
      },
      await auth.token("cd:44"),
    );
    expect(recorded).toEqual({
      data: { recordCollectivitesGrant: { amount: 2500.5, structure: { siret: SIRET }, project: { ref: "R-SCAFFOLD" } } },
    });

    const financing =
      "crossFinancing(year: 2024) { total bySource { source amount } funders } crossFinancingByAxis(year: 2024) { total withoutAxis withoutAxisLines }";
    let answer: Awaited<ReturnType<typeof query>> = {};
    const calls = await measure(async () => {
      answer = await query(
        `query($siret: ID!) {
        structure(siret: $siret) { name collectivitesGrants { amount title } ${financing} }
        project(ref: "R-SCAFFOLD") { ${financing} }
        department(code: "44") { ${financing} }
        region(code: "52") { ${financing} }
      }`,
        { siret: SIRET },
      );
    });
    expect(answer.errors).toBeUndefined();
    const expected = {
      total: 2500.5,
      bySource: [{ source: "LOCAL_AUTHORITY", amount: 2500.5 }],
      funders: ["Collectivité partenaire 44 Loire-Atlantique"],
    };
    // its details count in the explorer too (no axes column in the scaffold: a line without axis)
    const byAxis = { total: 2500.5, withoutAxis: 2500.5, withoutAxisLines: 1 };
    expect(answer.data).toEqual({
      structure: {
        name: "Crèche exemple (fictif)",
        collectivitesGrants: [{ amount: 2500.5, title: "Ateliers parents-enfants" }],
        crossFinancing: expected,
        crossFinancingByAxis: byAxis,
      },
      project: { crossFinancing: expected, crossFinancingByAxis: byAxis },
      department: { crossFinancing: expected, crossFinancingByAxis: byAxis },
      region: { crossFinancing: expected, crossFinancingByAxis: byAxis },
    });
    // the gateway asked the new subgraph for its contributions, in one batched request
    expect(calls[NAME].requests).toBe(1);
    expect(calls.hub.requests).toBeGreaterThanOrEqual(1);
  });

  test("structure names cost the same subgraph calls with one more funder: none to the funders", async () => {
    const callId = await call(servers, "ars", { regionCode: "52", year: 2021 });
    for (let i = 0; i < 3; i++) await laureate(servers, "ars", callId, { siret: testSiret(780 + i), amount: 10_000, departments: ["44"] });
    // the same contract read through the registered funders' supergraph and through the one with the newcomer
    const registered = await startGatewayOn(path.join(REPO, "schema", "supergraph.graphql"), servers, auth);
    try {
      const read = (url: string) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: contractQuery("NationalLaureates"), variables: { year: 2021, first: 50 } }),
        }).then((r) => r.json());
      let before: Json;
      let after: Json;
      const withRegistered = await measure(async () => {
        before = await read(registered.url);
      });
      const withNewcomer = await measure(async () => {
        after = await read(gateway!.url);
      });
      expect(after).toEqual(before);
      expect(after.data.healthProjects.edges.map((e: Json) => e.node.structure.name)).toEqual(
        [0, 1, 2].map((i) => `Structure ${testSiret(780 + i)}`),
      );
      expect(withNewcomer).toEqual(withRegistered);
      // the laureates' subgraphs and the hub (names, regions); no other funder is asked for a name
      expect(
        Object.entries(withNewcomer)
          .filter(([, c]) => c.requests > 0)
          .map(([name]) => name)
          .sort(),
      ).toEqual(["ars", "dreets", "hub"]);
    } finally {
      await registered.stop();
    }
  });

  async function measure(action: () => Promise<unknown>) {
    const before = Object.fromEntries(Object.entries(servers).map(([name, s]) => [name, s.stats().requests]));
    await action();
    return Object.fromEntries(Object.entries(servers).map(([name, s]) => [name, { requests: s.stats().requests - before[name] }]));
  }
});
