/**
 * Issue 11, one name per SIRET: the hub's structure directory gives `Structure.name`, whichever
 * path a query takes; a funder cannot rename another funder's structure; the name a write records
 * shows in the next read; the hub down refuses the write; names cost no call to the funders.
 * Every structure below is fictitious.
 */
import net from "node:net";
import { contractQuery } from "../support/contract";
import { startTestHub, TestHub } from "../support/hub";
import { testSiret } from "../support/fixtures";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import { StructureRow } from "../../subgraphs/domain/structure.entity";
import { backfillDirectory } from "../../scripts/directory-backfill";
import { signRequest } from "../../gateway/router-signer/server";
import { Json } from "../support/json";

const LAUREATE = testSiret(4_201);
const FIRST_NAME = "Maison des familles de Tours (fictif)";
const OTHER_NAME = "Nom donné par l'ARS Pays de la Loire (fictif)";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => (hub as TestHub | undefined)?.stop());

async function ok(query: string, variables: Record<string, unknown>, token?: string): Promise<Json> {
  const answer = await hub.query(query, variables, undefined, token);
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

/** A health call of the region and one laureate of it, through the gateway as the region's ARS. */
async function award(region: string, department: string, name: string, ref: string) {
  const token = await hub.auth.token(`ars:${region}`);
  const call = await ok(
    contractQuery("OpenHealthCall"),
    { input: { region, year: 2021, title: `Appel ${region} (fictif)`, axes: ["SCREENING_CONTINUITY"], joint: false, envelope: 150_000 } },
    token,
  );
  await ok(
    contractQuery("AwardHealthProject"),
    {
      input: {
        callId: call.openHealthCall.id,
        title: `Projet ${ref} (fictif)`,
        siret: LAUREATE,
        structureName: name,
        departments: [department],
        axes: ["SCREENING_CONTINUITY"],
        amount: 120_000,
        projectRef: ref,
      },
    },
    token,
  );
}

describe("an ARS of region 52 awards a project to the SIRET of a region-24 laureate, with another name", () => {
  beforeAll(async () => {
    await award("24", "37", FIRST_NAME, "R-TOURS");
    await award("52", "44", OTHER_NAME, "R-NANTES");
  });

  test("structure(siret) and StructureFinancing show the directory's name, the first one recorded", async () => {
    const data = await ok(contractQuery("StructureFinancing"), { siret: LAUREATE });
    expect(data.structure.name).toBe(FIRST_NAME);
    expect(data.structure.healthProjects.map((p: Json) => p.call.region.code).sort()).toEqual(["24", "52"]);
  });

  test("both regions' dashboards, the national list and the dossiers show the same name", async () => {
    const names: string[] = [];
    for (const region of ["24", "52"]) {
      const data = await ok(contractQuery("RegionDashboard"), { region, year: 2021 });
      for (const call of data.region.healthCalls)
        for (const p of call.projects) if (p.structure.siret === LAUREATE) names.push(p.structure.name);
    }
    const national = await ok(contractQuery("NationalLaureates"), { year: 2021, first: 50 });
    for (const edge of national.healthProjects.edges) if (edge.node.structure.siret === LAUREATE) names.push(edge.node.structure.name);
    for (const ref of ["R-TOURS", "R-NANTES"]) {
      const data = await ok(`query($ref: ID!) { project(ref: $ref) { healthProjects { structure { siret name } } } }`, { ref });
      names.push(...data.project.healthProjects.map((p: Json) => p.structure.name));
    }
    expect(names).toEqual(Array(6).fill(FIRST_NAME));
  });

  test("each ARS's own line keeps the name it recorded", async () => {
    const data = await ok(
      `query($siret: ID!) { structure(siret: $siret) { healthProjects { recordedStructureName call { region { code } } } } }`,
      { siret: LAUREATE },
    );
    const byRegion = Object.fromEntries(data.structure.healthProjects.map((p: Json) => [p.call.region.code, p.recordedStructureName]));
    expect(byRegion).toEqual({ "24": FIRST_NAME, "52": OTHER_NAME });
  });
});

describe("a name recorded by a write", () => {
  const siret = testSiret(4_202);
  const grant = (name: string, title: string) => ({
    department: "44",
    year: 2024,
    fund: "CAF_FNP",
    siret,
    structureName: name,
    title,
    amount: 1_500,
  });
  const nameQuery = `query($siret: ID!) { structure(siret: $siret) { name } }`;

  test("shows in the next read through the gateway; a later write under another name changes nothing", async () => {
    expect((await ok(nameQuery, { siret })).structure.name).toBeNull();
    await ok(
      contractQuery("RecordParentalityGrant"),
      { input: grant("Lieu d'accueil enfants-parents « Les Lucioles » (fictif)", "Accueil 2024") },
      await hub.auth.token("caf:44"),
    );
    expect((await ok(nameQuery, { siret })).structure.name).toBe("Lieu d'accueil enfants-parents « Les Lucioles » (fictif)");
    await ok(
      contractQuery("RecordParentalityGrant"),
      { input: grant("Autre nom (fictif)", "Accueil 2024, second semestre") },
      await hub.auth.token("caf:44"),
    );
    expect((await ok(nameQuery, { siret })).structure.name).toBe("Lieu d'accueil enfants-parents « Les Lucioles » (fictif)");
  });

  test("the hub's directory down: the write is refused in French, nothing is written", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    // a hub of its own whose funders tell a directory nobody listens on (SUBGRAPH_URL_HUB)
    const cut = await startTestHub({ directoryUrl: `http://127.0.0.1:${closedPort}/graphql` });
    const other = testSiret(4_203);
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = await cut.query(
        contractQuery("RecordParentalityGrant"),
        { input: { ...grant("Crèche parentale (fictif)", "Accueil"), siret: other } },
        undefined,
        await cut.auth.token("caf:44"),
      );
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/annuaire des structures du hub ne répond pas.*rien n'est enregistré/),
        extensions: { code: "BAD_USER_INPUT", violations: [expect.objectContaining({ rule: "STRUCTURE_DIRECTORY_UNAVAILABLE" })] },
      });
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/structure directory unreachable/));
      expect(await cut.subgraphs.caf.database.dataSource.getRepository(ParentalityGrantRow).countBy({ siret: other })).toBe(0);
      const read = await cut.query(nameQuery, { siret: other });
      expect(read.errors).toBeUndefined();
      expect(read.data?.structure.name).toBeNull();
    } finally {
      logged.mockRestore();
      await cut.stop();
    }
  });

  test("the directory is not writable through the gateway", async () => {
    const answer = await hub.query(
      `mutation { recordStructureNames(names: [{ siret: "${siret}", name: "Pirate" }], recordedBy: "caf:44") }`,
      {},
      undefined,
      await hub.auth.token("caf:44"),
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

test("structure names cost the funder subgraphs nothing: only the hub answers them", async () => {
  const sirets = [LAUREATE, testSiret(4_202)];
  const cost = await hub.measure(() =>
    ok(`query($a: ID!, $b: ID!) { a: structure(siret: $a) { name } b: structure(siret: $b) { name } }`, { a: sirets[0], b: sirets[1] }),
  );
  const called = Object.fromEntries(Object.entries(cost).map(([name, c]) => [name, c.requests]));
  expect(called).toEqual({ hub: 1, ars: 0, dreets: 0, caf: 0, maisons: 0, departements: 0 });
  expect(cost.hub.sqlStatements).toBe(1); // one directory query for both SIRETs (DataLoader)
});

test("upgrade: the backfill gives the directory the structures funders recorded before it, registry order, first name kept", async () => {
  const [old, shared] = [testSiret(4_210), testSiret(4_211)];
  // rows as a hub without the directory left them (written straight into the funders' tables)
  await hub.subgraphs.caf.database.dataSource.getRepository(StructureRow).insert([
    { siret: old, name: "Ancienne crèche (fictif)" },
    { siret: shared, name: "Nom CAF (fictif)" },
    { siret: LAUREATE, name: "Nom CAF du lauréat (fictif)" },
  ]);
  await hub.subgraphs.ars.database.dataSource.getRepository(StructureRow).upsert([{ siret: shared, name: "Nom ARS (fictif)" }], ["siret"]);
  const nameQuery = `query($a: ID!, $b: ID!, $c: ID!) { a: structure(siret: $a) { name } b: structure(siret: $b) { name } c: structure(siret: $c) { name } }`;
  expect(await ok(nameQuery, { a: old, b: shared, c: LAUREATE })).toEqual({
    a: { name: null },
    b: { name: null },
    c: { name: FIRST_NAME },
  });
  const counts = await backfillDirectory(hub.database.config);
  expect(counts.map((c) => c.subgraph)).toEqual(["ars", "dreets", "caf", "maisons", "departements"]);
  // the backfill writes beside the gateway (over Redis it stamps every scope; in process the cache
  // keeps its answers until the TTL): read with a token, which the cache never answers
  expect(await ok(nameQuery, { a: old, b: shared, c: LAUREATE }, await hub.auth.token("national"))).toEqual({
    a: { name: "Ancienne crèche (fictif)" },
    b: { name: "Nom ARS (fictif)" },
    c: { name: FIRST_NAME },
  });
});

describe("the internal recordStructureNames call", () => {
  const RECORD = "mutation($names: [StructureNameInput!]!) { recordStructureNames(names: $names) }";
  /** Signed as the gateway signs (which every partner running a subgraph can do), with or without a writer's token. */
  async function callHub(names: { siret: string; name: string }[], token?: string) {
    const body = { query: RECORD, variables: { names } };
    const response = await fetch(hub.subgraphs.hub.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...body,
        extensions: { "hmac-signature": signRequest(hub.auth.config.hmacSecret, body), ...(token ? { jwt: { token } } : {}) },
      }),
    });
    return response.json() as Promise<{
      data?: { recordStructureNames: boolean } | null;
      errors?: { message: string; extensions: { code: string; violations?: { rule: string }[] } }[];
    }>;
  }
  // read in the hub's database: this call bypasses the gateway, so its response cache is not told
  const nameOf = async (siret: string) => {
    const [row] = await hub.subgraphs.hub.database.dataSource.query(
      `SELECT recorded_name FROM structure_directory WHERE siret = ${hub.database.config.url ? "$1" : "?"}`,
      [siret],
    );
    return (row?.recorded_name as string | undefined) ?? null;
  };

  test("the gateway's signature alone names nothing: the writer's token is required", async () => {
    const siret = testSiret(4_301);
    const answer = await callHub([{ siret, name: "Nom squatté (fictif)" }]);
    expect(answer.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(await nameOf(siret)).toBeNull();
    const accepted = await callHub([{ siret, name: "Nom enregistré (fictif)" }], await hub.auth.token("caf:44"));
    expect(accepted.errors).toBeUndefined();
    expect(await nameOf(siret)).toBe("Nom enregistré (fictif)");
  });

  test("names follow the text rules: too long or with a control character, refused and nothing recorded", async () => {
    const token = await hub.auth.token("caf:44");
    const [long, nul] = [testSiret(4_302), testSiret(4_303)];
    const answer = await callHub(
      [
        { siret: long, name: "x".repeat(301) },
        { siret: nul, name: "Crèche\u0000 (fictif)" },
      ],
      token,
    );
    expect(answer.errors?.[0].extensions.violations?.map((v) => v.rule)).toEqual(["TEXT_TOO_LONG", "TEXT_CONTROL_CHARACTER"]);
    expect([await nameOf(long), await nameOf(nul)]).toEqual([null, null]);
  });
});
