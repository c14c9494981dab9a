/**
 * The gateway's response cache: public reads answered without any subgraph call the second time,
 * an accepted write through the gateway invalidating every earlier answer (a refused one does not) (here a new CAF grant that changes
 * a structure's cross-financing), tokens never sharing answers, refusals never cached, and with
 * Redis several gateway replicas sharing entries and invalidations.
 */
import { randomUUID } from "node:crypto";
import { importCafGrants } from "../support/import-cli";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { testSiret, structure, grant } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";
import { RunningGateway } from "../../gateway/server";
import { DEFAULT_RESPONSE_CACHE, ResponseCacheConfig } from "../../gateway/response-cache";
import { eventually, redisLink } from "../support/redis-link";
import { removeKeys } from "../../bench/redis-keys";

const SIRET = testSiret(501);
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0";

const seed = async (subgraphs: TestHub["subgraphs"]) => {
  await grant(subgraphs, { departmentCode: "44", year: 2022, fund: FundingSource.CAF_FNP, siret: SIRET, amount: 10_000 });
  await structure(subgraphs, "caf", SIRET, "Crèche parentale Les Lucioles (test)");
};
const newGrant = (amount: number, year: number) => ({
  department: "44",
  year,
  fund: "CAF_REAAP",
  siret: SIRET,
  structureName: "Crèche parentale Les Lucioles (test)",
  title: "Café des parents (test)",
  amount,
  axes: ["PARENT_ISOLATION"],
});

/** Subgraph calls made by `action`, all subgraphs together. */
const callsDuring = async (hub: TestHub, action: () => Promise<unknown>) =>
  Object.values(await hub.measure(action)).reduce((sum, s) => sum + s.requests, 0);

const totalOf = (result: { data?: { structure: { crossFinancing: { total: number } } } }) => result.data?.structure.crossFinancing.total;

// A hub per test: each test starts from the seed and an empty cache.
describe("in-process cache (one gateway)", () => {
  describe("default settings", () => {
    let hub: TestHub;
    let cafToken: string;
    beforeEach(async () => {
      hub = await startTestHub({ seed });
      cafToken = await hub.auth.token("caf:44");
    });
    afterEach(() => (hub as TestHub | undefined)?.stop());

    const read = (token?: string) => hub.query(contractQuery("StructureFinancing"), { siret: SIRET }, "StructureFinancing", token);

    test("a public read is answered from the cache, identically, without any subgraph call", async () => {
      let first: Awaited<ReturnType<typeof read>> = {};
      expect(
        await callsDuring(hub, async () => {
          first = await read();
        }),
      ).toBeGreaterThan(0);
      expect(totalOf(first as never)).toBe(10_000);
      let second: Awaited<ReturnType<typeof read>> = {};
      expect(
        await callsDuring(hub, async () => {
          second = await read();
        }),
      ).toBe(0);
      expect(second).toEqual(first);
      const metrics = await (await fetch(hub.gateway.url.replace("/graphql", "/metrics"))).text();
      expect(metrics).toMatch(/hub_response_cache_lookups_total\{result="hit"\} [1-9]/);
      expect(metrics).toMatch(/hub_response_cache_lookups_total\{result="miss"\} [1-9]/);
    });

    test("a write through the gateway invalidates it: the new grant counts at once", async () => {
      await read();
      const written = await hub.query(
        contractQuery("RecordParentalityGrant"),
        { input: newGrant(2_500, 2023) },
        "RecordParentalityGrant",
        cafToken,
      );
      expect(written.errors).toBeUndefined();
      let after: Awaited<ReturnType<typeof read>> = {};
      expect(
        await callsDuring(hub, async () => {
          after = await read();
        }),
      ).toBeGreaterThan(0);
      expect(totalOf(after as never)).toBe(12_500);
    });

    test("a refused write, anonymous or not, leaves the cache alone; refusals are not cached", async () => {
      await read();
      const refusals = [
        await hub.query(contractQuery("RecordParentalityGrant"), { input: newGrant(2_500, 2023) }, "RecordParentalityGrant"),
        await hub.query(
          contractQuery("RecordParentalityGrant"),
          { input: newGrant(2_500, 2023) },
          "RecordParentalityGrant",
          await hub.auth.token("caf:49"),
        ),
        await hub.query(contractQuery("RecordParentalityGrant"), { input: newGrant(-1, 2023) }, "RecordParentalityGrant", cafToken),
      ];
      expect(refusals.map((r) => r.errors?.[0].extensions?.code)).toEqual(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT"]);
      expect(await callsDuring(hub, read)).toBe(0);
      const invalid = () => hub.query(contractQuery("StructureFinancing"), { siret: "12345678901234" });
      await invalid();
      expect(await callsDuring(hub, invalid)).toBeGreaterThan(0);
    });

    test("answers to a token are never cached nor served from the public cache", async () => {
      await read();
      expect(await callsDuring(hub, () => read(cafToken))).toBeGreaterThan(0);
      expect(await callsDuring(hub, () => read(cafToken))).toBeGreaterThan(0);
    });
  });

  test("a write straight into a subgraph's database (CSV import) shows once the entry expires", async () => {
    const shortLived = await startTestHub({ seed, speed: { responseCache: { ...DEFAULT_RESPONSE_CACHE, ttlMs: 300 } } });
    try {
      const q = () => shortLived.query(contractQuery("StructureFinancing"), { siret: SIRET });
      expect(totalOf((await q()) as never)).toBe(10_000);
      await grant(shortLived.subgraphs, { departmentCode: "44", year: 2024, fund: FundingSource.CAF_FNP, siret: SIRET, amount: 1_000 });
      expect(totalOf((await q()) as never)).toBe(10_000); // still the cached answer
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(totalOf((await q()) as never)).toBe(11_000);
    } finally {
      await shortLived.stop();
    }
  });

  test("RESPONSE_CACHE_TTL_MS=0 turns it off", async () => {
    const uncached = await startTestHub({ seed, speed: { responseCache: { ...DEFAULT_RESPONSE_CACHE, ttlMs: 0 } } });
    try {
      const q = () => uncached.query(contractQuery("StructureFinancing"), { siret: SIRET });
      await q();
      expect(await callsDuring(uncached, q)).toBeGreaterThan(0);
    } finally {
      await uncached.stop();
    }
  });
});

describe("shared cache in Redis (several gateway replicas)", () => {
  // a hub, a replica and a Redis prefix per test: each starts from the seed and an empty shared cache
  let hub: TestHub;
  let replica: RunningGateway;
  let cafToken: string;
  let redisCache: ResponseCacheConfig;
  beforeEach(async () => {
    redisCache = { ...DEFAULT_RESPONSE_CACHE, redisUrl: REDIS_URL, redisPrefix: `hub-test:${randomUUID()}:` };
    hub = await startTestHub({ seed, speed: { responseCache: redisCache } });
    cafToken = await hub.auth.token("caf:44");
    replica = await hub.startReplica();
  });
  afterEach(async () => {
    await (replica as RunningGateway | undefined)?.stop();
    await (hub as TestHub | undefined)?.stop();
    await removeKeys(REDIS_URL, redisCache.redisPrefix);
  });

  const readVia = async (url: string) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: contractQuery("StructureFinancing"), variables: { siret: SIRET } }),
    });
    return response.json() as Promise<{ data?: { structure: { crossFinancing: { total: number } } } }>;
  };

  test("an answer cached by one replica is served by the other, and a write through one invalidates both", async () => {
    expect(totalOf(await readVia(hub.gateway.url))).toBe(10_000);
    expect(await callsDuring(hub, () => readVia(replica.url))).toBe(0);
    const written = await hub.query(
      contractQuery("RecordParentalityGrant"),
      { input: newGrant(500, 2025) },
      "RecordParentalityGrant",
      cafToken,
    );
    expect(written.errors).toBeUndefined();
    let after: Awaited<ReturnType<typeof readVia>> = {};
    expect(
      await callsDuring(hub, async () => {
        after = await readVia(replica.url);
      }),
    ).toBeGreaterThan(0);
    expect(totalOf(after)).toBe(10_500);
  });

  test("a CSV import that reaches the same Redis invalidates every replica's answers at once", async () => {
    expect(totalOf(await readVia(replica.url))).toBe(10_000);
    expect(await callsDuring(hub, () => readVia(hub.gateway.url))).toBe(0); // cached, shared by both
    const imported = await importCafGrants(
      hub,
      redisCache,
      `departement,date,fonds,siret,structure,objet,montant\n44,15/03/2026,FNP,${SIRET},Crèche parentale Les Lucioles (test),Atelier (test),250\n`,
      cafToken,
    );
    expect(imported.code).toBe(0);
    expect(imported.output).toMatch(/Cache des réponses de la passerelle invalidé/);
    expect(totalOf(await readVia(replica.url))).toBe(10_250);
    expect(totalOf(await readVia(hub.gateway.url))).toBe(10_250);
  });

  test("a write through a replica that lost Redis: it answers without cache, and once its stamp goes through no replica serves the answer cached before", async () => {
    const link = await redisLink(REDIS_URL);
    const cutOff = await hub.startReplica({ RESPONSE_CACHE_REDIS_URL: link.url });
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const infos = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      expect(totalOf(await readVia(cutOff.url))).toBe(10_000);
      expect(await callsDuring(hub, () => readVia(hub.gateway.url))).toBe(0); // shared
      await link.cut();
      const written = await fetch(cutOff.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${cafToken}` },
        body: JSON.stringify({ query: contractQuery("RecordParentalityGrant"), variables: { input: newGrant(500, 2025) } }),
      }).then((r) => r.json() as Promise<{ errors?: unknown[] }>);
      expect(written.errors).toBeUndefined(); // written, its stamp failed
      expect(errors.mock.calls.some(([line]) => String(line).includes("a write could not be stamped"))).toBe(true);
      let fromSubgraphs: Awaited<ReturnType<typeof readVia>> = {};
      expect(
        await callsDuring(hub, async () => {
          fromSubgraphs = await readVia(cutOff.url);
        }),
      ).toBeGreaterThan(0);
      expect(totalOf(fromSubgraphs)).toBe(10_500);
      await link.restore();
      await eventually(async () => totalOf(await readVia(hub.gateway.url)) === 10_500, "l'autre réplique sert la réponse d'avant");
      expect(totalOf(await readVia(cutOff.url))).toBe(10_500);
    } finally {
      errors.mockRestore();
      infos.mockRestore();
      await cutOff.stop();
      await link.close();
    }
  });

  test("Redis unreachable: the gateway answers without cache", async () => {
    const offline = await hub.startReplica({ RESPONSE_CACHE_REDIS_URL: "redis://127.0.0.1:1/0" });
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const answer = await readVia(offline.url);
      expect(totalOf(answer)).toBeGreaterThan(0);
      expect(errors.mock.calls.some(([line]) => String(line).includes("Redis unreachable"))).toBe(true);
    } finally {
      errors.mockRestore();
      await offline.stop();
    }
  });
});
