/**
 * One computation per answer (gateway/inflight-reads.ts): public reads that miss while the same
 * answer is being computed wait for it, and a read sent after an acknowledged write, through this
 * replica or another sharing Redis, never gets an answer computed before that write. The
 * computation is held in flight by a relay in front of the Maisons subgraph that the test stalls.
 */
import { randomUUID } from "node:crypto";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { testSiret, structure, grant } from "../support/fixtures";
import { FundingSource } from "../../subgraphs/domain/enums";
import { RunningGateway } from "../../gateway/server";
import { eventually, redisLink, RedisLink } from "../support/redis-link";
import { removeKeys } from "../../bench/redis-keys";

const SIRET = testSiret(611);
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0";
const NAME = "Relais petite enfance Les Galets (test)";

const seed = async (subgraphs: TestHub["subgraphs"]) => {
  await grant(subgraphs, { departmentCode: "44", year: 2022, fund: FundingSource.CAF_FNP, siret: SIRET, amount: 10_000 });
  await structure(subgraphs, "caf", SIRET, NAME);
};
const newGrant = {
  department: "44",
  year: 2023,
  fund: "CAF_REAAP",
  siret: SIRET,
  structureName: NAME,
  title: "Atelier parents-enfants (test)",
  amount: 2_500,
  axes: ["PARENT_ISOLATION"],
};

type Answer = { data?: { structure: { crossFinancing: { total: number } } }; errors?: unknown[] };
const totalOf = (answer: Answer) => answer.data?.structure.crossFinancing.total;

const metric = async (gateway: RunningGateway, line: RegExp) => Number(line.exec(await (await fetch(gateway.metricsUrl)).text())?.[1] ?? 0);
const lookups = (gateway: RunningGateway, result: string) =>
  metric(gateway, new RegExp(`hub_response_cache_lookups_total\\{result="${result}"\\} (\\d+)`));
const waitingReads = (gateway: RunningGateway) => metric(gateway, /^hub_response_cache_waiting_reads (\d+)/m);

const read = (gateway: RunningGateway): Promise<Answer> =>
  fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: contractQuery("StructureFinancing"), variables: { siret: SIRET }, operationName: "StructureFinancing" }),
  }).then((response) => response.json() as Promise<Answer>);

describe.each([
  ["in process", () => ({})],
  ["in Redis", () => ({ RESPONSE_CACHE_REDIS_URL: REDIS_URL, RESPONSE_CACHE_REDIS_PREFIX: `hub-test:join:${randomUUID()}:` })],
])("reads joining a computation in flight (%s)", (_store, cacheEnv) => {
  let hub: TestHub;
  let link: RedisLink;
  /** A replica whose calls to the Maisons subgraph go through the relay. */
  let held: RunningGateway;
  let env: Record<string, string>;
  beforeEach(async () => {
    env = cacheEnv();
    hub = await startTestHub({ seed, env });
    link = await redisLink(hub.subgraphs.maisons.url);
    held = await hub.startReplica({ SUBGRAPH_URL_MAISONS: link.url });
  });
  afterEach(async () => {
    link.resume();
    await held.stop();
    await link.close();
    await hub.stop();
    if (env.RESPONSE_CACHE_REDIS_PREFIX) await removeKeys(REDIS_URL, env.RESPONSE_CACHE_REDIS_PREFIX);
  });

  test("three readers of an answer being computed make one computation and get the same answer", async () => {
    const calls = await hub.measure(async () => {
      link.stall();
      const first = read(held);
      await eventually(async () => (await lookups(held, "miss")) === 1, "la première lecture manque le cache");
      const others = [read(held), read(held)];
      await eventually(async () => (await waitingReads(held)) === 2, "deux lectures attendent la première");
      link.resume();
      const answers = await Promise.all([first, ...others]);
      expect(answers.map(totalOf)).toEqual([10_000, 10_000, 10_000]);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });
    expect(await lookups(held, "joined")).toBe(2);
    expect(await lookups(held, "miss")).toBe(1);
    expect(await waitingReads(held)).toBe(0);
    // one computation: one call to each subgraph the plan asks (hub twice: the root and the sums)
    expect(calls.maisons.requests).toBe(1);
    expect(calls.caf.requests).toBe(1);
  });

  test("a read sent after an acknowledged write starts its own computation and shows the write", async () => {
    link.stall();
    const cafCalls = hub.subgraphs.caf.stats().requests;
    const before = read(held);
    // the first read has its CAF figures (without the new grant) and waits for the Maisons
    await eventually(() => Promise.resolve(hub.subgraphs.caf.stats().requests > cafCalls), "la première lecture a lu la CAF");
    // the write goes through the other gateway: with Redis, another replica's stamp counts too
    const writer = env.RESPONSE_CACHE_REDIS_URL ? hub.gateway : held;
    const written = await fetch(writer.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await hub.auth.token("caf:44")}` },
      body: JSON.stringify({
        query: contractQuery("RecordParentalityGrant"),
        variables: { input: newGrant },
        operationName: "RecordParentalityGrant",
      }),
    }).then((response) => response.json() as Promise<{ errors?: unknown[] }>);
    expect(written.errors).toBeUndefined();
    const after = read(held);
    await eventually(async () => (await lookups(held, "miss")) === 2, "la lecture d'après l'écriture manque le cache");
    expect(await waitingReads(held)).toBe(0);
    link.resume();
    expect(totalOf(await before)).toBe(10_000);
    expect(totalOf(await after)).toBe(12_500);
    expect(await lookups(held, "joined")).toBe(0);
    // and what is cached is the later answer
    expect(totalOf(await read(held))).toBe(12_500);
  });

  test("RESPONSE_CACHE_JOIN=off: each reader computes its own", async () => {
    const apart = await hub.startReplica({ SUBGRAPH_URL_MAISONS: link.url, RESPONSE_CACHE_JOIN: "off" });
    try {
      const calls = await hub.measure(async () => {
        link.stall();
        const first = read(apart);
        await eventually(async () => (await lookups(apart, "miss")) === 1, "la première lecture manque le cache");
        const second = read(apart);
        await eventually(async () => (await lookups(apart, "miss")) === 2, "la deuxième aussi");
        link.resume();
        expect((await Promise.all([first, second])).map(totalOf)).toEqual([10_000, 10_000]);
      });
      expect(calls.maisons.requests).toBe(2);
      expect(await lookups(apart, "joined")).toBe(0);
    } finally {
      await apart.stop();
    }
  });
});
