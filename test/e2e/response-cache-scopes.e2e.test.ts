/**
 * The response cache invalidated by what a write changes: a CAF grant recorded in Loire-Atlantique
 * (44, Pays de la Loire 52) refreshes that region, that department, that structure and that dossier,
 * and leaves Occitanie (76) and another structure cached; a new laureate appears in the national
 * list at once; a new structure's name appears; a refused write invalidates nothing; a laureate
 * in another region refreshes a CAF's view of the structures it funds; two replicas over Redis; an
 * import. Cached or not is counted in subgraph calls. Fictitious data.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { AddressInfo } from "node:net";
import { importCafGrants } from "../support/import-cli";
import { startTestHub, TestHub } from "../support/hub";
import { Json } from "../support/json";
import { contractQuery } from "../support/contract";
import { call, grant, laureate, testSiret } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";
import { RunningGateway } from "../../gateway/server";
import { DEFAULT_RESPONSE_CACHE } from "../../gateway/response-cache";
import { structureScope } from "../../gateway/cache-scopes";

const SIRET_A = testSiret(611); // CAF 44 and a laureate of Pays de la Loire
const SIRET_B = testSiret(612); // CAF 31 (Occitanie)
const SIRET_NEW = testSiret(613);
const REF = "DOSSIER-SCOPES-1";
const YEAR = 2024;
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0";
let callIds: { pdl: number; occitanie: number };

const seed = async (subgraphs: TestHub["subgraphs"]) => {
  await grant(subgraphs, {
    departmentCode: "44",
    year: YEAR,
    fund: FundingSource.CAF_FNP,
    siret: SIRET_A,
    amount: 10_000,
    projectRef: REF,
  });
  await grant(subgraphs, { departmentCode: "31", year: YEAR, fund: FundingSource.CAF_FNP, siret: SIRET_B, amount: 7_000 });
  callIds = {
    pdl: await call(subgraphs, "ars", { regionCode: "52", year: YEAR, envelope: 500_000 }),
    occitanie: await call(subgraphs, "ars", { regionCode: "76", year: YEAR, envelope: 500_000 }),
  };
  await laureate(subgraphs, "ars", callIds.pdl, { siret: SIRET_A, amount: 50_000, departments: ["44"], projectRef: REF });
};

const READS = {
  region52: ["RegionDashboard", { region: "52", year: YEAR }],
  region76: ["RegionDashboard", { region: "76", year: YEAR }],
  caf44: ["CafDepartment", { department: "44", year: YEAR }],
  structureA: ["StructureFinancing", { siret: SIRET_A }],
  structureB: ["StructureFinancing", { siret: SIRET_B }],
  dossier: ["CoFinancedProject", { ref: REF }],
  laureates: ["NationalLaureates", { year: YEAR, first: 50 }],
} as const;
type ReadName = keyof typeof READS;

/** One read through `url`: its answer and the subgraph calls it cost (0: served from the cache). */
async function read(hub: TestHub, name: ReadName, url = hub.gateway.url): Promise<{ data: Json; calls: number }> {
  const [operation, variables] = READS[name];
  let data: Json;
  const spent = await hub.measure(async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: contractQuery(operation), variables, operationName: operation }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    data = body.data;
  });
  return { data, calls: Object.values(spent).reduce((sum, s) => sum + s.requests, 0) };
}
const callsOf = async (hub: TestHub, names: readonly ReadName[], url?: string) =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await read(hub, n, url)).calls] as const)));
const warm = async (hub: TestHub, url?: string) => {
  for (const name of Object.keys(READS) as ReadName[]) await read(hub, name, url);
};
const cafGrant = (siret: string, amount: number, structureName = "Structure de test (fictif)") => ({
  department: "44",
  year: YEAR,
  fund: "CAF_REAAP",
  siret,
  structureName,
  title: `Atelier ${amount} (fictif)`,
  amount,
  projectRef: REF,
});
const award = (callId: number, siret: string, title: string, departments: string[]) => ({
  callId: String(callId),
  title,
  siret,
  structureName: "Structure de test (fictif)",
  departments,
  axes: ["SCREENING_CONTINUITY"],
  amount: 5_000,
});

test("the two structures of the test fall into different buckets (a collision would only cost a miss)", () => {
  expect(structureScope(SIRET_A)).not.toBe(structureScope(SIRET_B));
});

describe("in process", () => {
  // a hub per test: each starts from the seed alone, so any one runs alone and in any order
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startTestHub({ seed });
  });
  afterEach(() => (hub as TestHub | undefined)?.stop());
  const write = async (operation: string, variables: Record<string, unknown>, org: string) =>
    hub.query(contractQuery(operation), variables, operation, await hub.auth.token(org));

  test("a CAF grant in 44 refreshes region 52, department 44, the structure and the dossier; Occitanie and another structure stay cached", async () => {
    await warm(hub);
    const written = await write("RecordParentalityGrant", { input: cafGrant(SIRET_A, 1_000) }, "caf:44");
    expect(written.errors).toBeUndefined();
    expect(JSON.stringify(written)).not.toContain("hubCacheChanges"); // between the subgraphs and the gateway only
    expect(await callsOf(hub, ["region76", "structureB", "laureates"])).toEqual({ region76: 0, structureB: 0, laureates: 0 });
    const region = await read(hub, "region52");
    expect(region.calls).toBeGreaterThan(0);
    const grants44 = region.data.region.departments.find((d: { code: string }) => d.code === "44").parentalityGrants;
    expect(grants44.map((g: { amount: number }) => g.amount).sort()).toEqual([1_000, 10_000]);
    const caf = await read(hub, "caf44");
    expect(caf.calls).toBeGreaterThan(0);
    expect(caf.data.department.parentalityGrants).toHaveLength(2);
    const structure = await read(hub, "structureA");
    expect(structure.calls).toBeGreaterThan(0);
    expect(structure.data.structure.crossFinancing.total).toBe(61_000);
    const dossier = await read(hub, "dossier");
    expect(dossier.calls).toBeGreaterThan(0);
    expect(dossier.data.project.parentalityGrants).toHaveLength(2);
    const metrics = await (await fetch(hub.gateway.metricsUrl)).text();
    expect(metrics).toMatch(/hub_response_cache_lookups_total\{result="hit"\} [1-9]/);
  });

  test("a new laureate appears at once in the national list of its year; Occitanie stays cached", async () => {
    await warm(hub);
    const before: number = (await read(hub, "laureates")).data.healthProjects.totalCount;
    const written = await write(
      "AwardHealthProject",
      { input: award(callIds.pdl, SIRET_NEW, "Nouveau lauréat (fictif)", ["85"]) },
      "ars:52",
    );
    expect(written.errors).toBeUndefined();
    const after = await read(hub, "laureates");
    expect(after.calls).toBeGreaterThan(0);
    expect(after.data.healthProjects.totalCount).toBe(before + 1);
    expect(after.data.healthProjects.edges.map((e: { node: { title: string } }) => e.node.title)).toContain("Nouveau lauréat (fictif)");
    expect(await callsOf(hub, ["region76", "structureB"])).toEqual({ region76: 0, structureB: 0 });
  });

  test("a new structure's name appears at once", async () => {
    const siret = testSiret(614);
    const read614 = () => hub.query(contractQuery("StructureFinancing"), { siret }, "StructureFinancing");
    expect((await read614()).data.structure.name).toBeNull();
    expect(
      (await write("RecordParentalityGrant", { input: cafGrant(siret, 300, "Maison des familles (fictif)") }, "caf:44")).errors,
    ).toBeUndefined();
    expect((await read614()).data.structure.name).toBe("Maison des familles (fictif)");
  });

  test("a refused write invalidates nothing", async () => {
    expect((await write("RecordParentalityGrant", { input: cafGrant(SIRET_A, 1_000) }, "caf:44")).errors).toBeUndefined();
    await warm(hub);
    const refused = await write("RecordParentalityGrant", { input: cafGrant(SIRET_A, 1_000) }, "caf:49");
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const duplicate = await write("RecordParentalityGrant", { input: cafGrant(SIRET_A, 1_000) }, "caf:44");
    expect(duplicate.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(Object.values(await callsOf(hub, Object.keys(READS) as ReadName[])).every((calls) => calls === 0)).toBe(true);
  });

  test("a laureate in Occitanie of a structure a CAF of 44 funds refreshes that CAF's view (it lists the structure's projects), not region 52", async () => {
    await warm(hub);
    expect(
      (await write("AwardHealthProject", { input: award(callIds.occitanie, SIRET_A, "Projet en Occitanie (fictif)", ["31"]) }, "ars:76"))
        .errors,
    ).toBeUndefined();
    expect(await callsOf(hub, ["region52", "structureB"])).toEqual({ region52: 0, structureB: 0 });
    const caf = await read(hub, "caf44");
    expect(caf.calls).toBeGreaterThan(0);
    const projects = caf.data.department.parentalityGrants.find((g: { structure: { siret: string } }) => g.structure.siret === SIRET_A)
      .structure.healthProjects;
    expect(projects.map((p: { amount: number }) => p.amount).sort((a: number, b: number) => a - b)).toEqual([5_000, 50_000]);
  });
});

describe("a subgraph that does not report what it changed", () => {
  let hub: TestHub;
  let proxy: http.Server;
  beforeAll(async () => {
    // in front of the CAF subgraph, a proxy that drops the report: an older subgraph, a partner's own
    let target = "";
    proxy = http.createServer(
      (req, res) =>
        void (async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const headers = Object.fromEntries(
            Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k)),
          ) as Record<string, string>;
          const answer = (await (await fetch(target, { method: "POST", headers, body: Buffer.concat(chunks) })).json()) as {
            extensions?: unknown;
          };
          delete answer.extensions;
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
        })().catch(() => res.destroy()),
    );
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    hub = await startTestHub({ seed, subgraphUrls: { caf: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` } });
    target = hub.subgraphs.caf.url;
  });
  afterAll(async () => {
    await (hub as TestHub | undefined)?.stop();
    (proxy as http.Server | undefined)?.close();
  });

  test("its accepted write invalidates every answer", async () => {
    await warm(hub);
    expect(
      (
        await hub.query(
          contractQuery("RecordParentalityGrant"),
          { input: cafGrant(SIRET_A, 1_500) },
          "RecordParentalityGrant",
          await hub.auth.token("caf:44"),
        )
      ).errors,
    ).toBeUndefined();
    expect((await read(hub, "region76")).calls).toBeGreaterThan(0);
    expect((await read(hub, "structureB")).calls).toBeGreaterThan(0);
  });
});

describe("two replicas over one Redis", () => {
  let hub: TestHub;
  let replica: RunningGateway;
  let redisCache: typeof DEFAULT_RESPONSE_CACHE;
  // each test its own hub and Redis prefix: the totals below are the seed's plus that test's write
  beforeEach(async () => {
    redisCache = { ...DEFAULT_RESPONSE_CACHE, redisUrl: REDIS_URL, redisPrefix: `hub-test:${randomUUID()}:` };
    hub = await startTestHub({ seed, speed: { responseCache: redisCache } });
    replica = await hub.startReplica();
  });
  afterEach(async () => {
    await (replica as RunningGateway | undefined)?.stop();
    await (hub as TestHub | undefined)?.stop();
  });

  test("after a write acknowledged by replica 1, replica 2 serves the new answer; Occitanie stays cached on both", async () => {
    await warm(hub, replica.url);
    expect(await callsOf(hub, ["region52", "region76"], hub.gateway.url)).toEqual({ region52: 0, region76: 0 });
    expect(
      (
        await hub.query(
          contractQuery("RecordParentalityGrant"),
          { input: cafGrant(SIRET_A, 2_000) },
          "RecordParentalityGrant",
          await hub.auth.token("caf:44"),
        )
      ).errors,
    ).toBeUndefined();
    const region = await read(hub, "region52", replica.url);
    expect(region.calls).toBeGreaterThan(0);
    expect(region.data.region.crossFinancing.total).toBe(62_000);
    expect(await callsOf(hub, ["region76", "structureB"], replica.url)).toEqual({ region76: 0, structureB: 0 });
  });

  test("a CSV import into the CAF's database stamps the scopes of its rows in Redis: 52 refreshed on both replicas, 76 cached", async () => {
    await warm(hub, replica.url);
    const imported = await importCafGrants(
      hub,
      redisCache,
      `departement,date,fonds,siret,structure,objet,montant\n44,15/03/${YEAR},FNP,${SIRET_A},Structure de test (fictif),Import (fictif),250\n`,
      await hub.auth.token("caf:44"),
    );
    expect(imported.code).toBe(0);
    expect(imported.output).toMatch(/Cache des réponses de la passerelle invalidé/);
    for (const url of [replica.url, hub.gateway.url]) {
      const region = await read(hub, "region52", url);
      expect(region.data.region.crossFinancing.total).toBe(60_250);
    }
    expect(await callsOf(hub, ["region76", "structureB"], hub.gateway.url)).toEqual({ region76: 0, structureB: 0 });
  });
});
