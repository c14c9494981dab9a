/**
 * The shared cache when Redis fails, against the test Redis: two stores on one prefix, as two
 * gateway replicas, the second reaching Redis through a relay the test cuts. A replica that loses
 * Redis while a write goes through it (gateway/stamp-debt.ts): its write's stamp fails, it serves
 * and saves nothing from then on, and once Redis is back its stamp of everything goes through and
 * no replica serves an answer cached before. A Redis emptied (restarted) while a read runs: that
 * read's answer is not kept. A Redis that stops answering on an open connection: a miss, a stamp
 * owed, within the command timeout. A prefix per test, its keys removed after.
 */
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { REDIS_COMMAND_TIMEOUT_MS, redisKeys, redisStore, ScopedStore, StoredAnswer } from "../../gateway/scoped-store";
import { UNSCOPED } from "../../gateway/cache-scopes";
import { eventually, redisLink, RedisLink } from "../support/redis-link";
import { removeKeys } from "../../bench/redis-keys";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0";

let prefix: string;
let link: RedisLink;
let direct: ScopedStore;
let cutOff: ScopedStore;
let errors: jest.SpyInstance;
let infos: jest.SpyInstance;
beforeEach(async () => {
  prefix = `hub-test:${randomUUID()}:`;
  link = await redisLink(REDIS_URL);
  direct = redisStore(REDIS_URL, prefix);
  cutOff = redisStore(link.url, prefix);
  errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  infos = jest.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(async () => {
  errors.mockRestore();
  infos.mockRestore();
  await cutOff.close();
  await direct.close();
  await link.close();
  await removeKeys(REDIS_URL, prefix);
});

const logged = (spy: jest.SpyInstance, text: string) => spy.mock.calls.some(([line]) => String(line).includes(text));

/** An answer depending on department 44, cached by `store` as a miss would be. */
async function cache(store: ScopedStore, key: string): Promise<StoredAnswer> {
  const { answer, sequence } = await store.lookup(key);
  expect(answer).toBeNull();
  expect(sequence).not.toBeNull();
  const stored = { result: { data: { department: { code: "44" } } }, at: sequence!, scopes: ["department:44"] };
  await store.save(key, stored, 60_000);
  return stored;
}

test("a write whose stamp fails: that replica serves and saves nothing, and once its stamp of everything goes through no replica serves an earlier answer", async () => {
  const earlier = await cache(direct, "dashboard-44");
  expect((await cutOff.lookup("dashboard-44")).answer).toEqual(earlier); // shared by both

  await link.cut();
  // a write in department 29 only: what it changed is unknown to the others, so everything is owed
  await cutOff.bump(["department:29", "region:53"]);
  expect(logged(errors, "a write could not be stamped in Redis")).toBe(true);
  expect(await cutOff.lookup("dashboard-44")).toEqual({ answer: null, sequence: null });
  await cutOff.save("dashboard-29", { result: { data: {} }, at: 0, scopes: ["department:29"] }, 60_000);

  await link.restore(); // the replica reconnects: on 'ready' (or its next lookup) it stamps everything
  await eventually(async () => (await direct.lookup("dashboard-44")).answer === null, "la réponse d'avant servie par l'autre réplique");
  expect((await direct.lookup("dashboard-29")).answer).toBeNull(); // nothing was saved while owed
  // the other replica may see the stamp in Redis a moment before this one has logged it
  await eventually(() => Promise.resolve(logged(infos, "cache served again")), "le paiement de l'estampille jamais journalisé");

  // the stamp is of everything: `unscoped` carries a sequence later than the earlier answer's
  const redis = new Redis(REDIS_URL);
  try {
    expect(Number(await redis.get(redisKeys(prefix).version(UNSCOPED)))).toBeGreaterThan(earlier.at);
  } finally {
    redis.disconnect();
  }
  // paid: the replica caches and serves again
  const fresh = await cache(cutOff, "dashboard-44");
  expect((await cutOff.lookup("dashboard-44")).answer).toEqual(fresh);
  expect((await direct.lookup("dashboard-44")).answer).toEqual(fresh);
});

test("a write while owed pays the debt: its scopes and everything stamped in one step", async () => {
  const earlier = await cache(direct, "dashboard-44");
  await link.cut();
  await cutOff.bump(["department:29"]);
  await link.restore();
  await cutOff.bump(["department:35"]); // retried at once (or already paid on 'ready'): either way earlier answers are out
  expect((await direct.lookup("dashboard-44")).answer).toBeNull();
  const redis = new Redis(REDIS_URL);
  try {
    const keys = redisKeys(prefix);
    const [department, unscoped] = (await redis.mget(keys.version("department:35"), keys.version(UNSCOPED))).map(Number);
    expect(department).toBeGreaterThan(earlier.at);
    expect(unscoped).toBeGreaterThan(earlier.at);
  } finally {
    redis.disconnect();
  }
});

test("Redis emptied while a read runs (a restart): the answer read before is not kept, so later writes' smaller stamps cannot miss it", async () => {
  await direct.bump(["department:29"]);
  await direct.bump(["department:29"]); // the sequence stands at 2
  const { sequence } = await direct.lookup("dashboard-44");
  expect(sequence).toBe(2);
  await removeKeys(REDIS_URL, prefix); // the restart: sequence, versions and answers gone
  await direct.save("dashboard-44", { result: { data: {} }, at: sequence!, scopes: ["department:44"] }, 60_000);
  await direct.bump(["department:44"]); // stamped 1, below the answer's 2
  expect((await direct.lookup("dashboard-44")).answer).toBeNull();
  // a read after the restart is kept as usual
  const fresh = await cache(direct, "dashboard-44");
  expect(fresh.at).toBe(1);
  expect((await cutOff.lookup("dashboard-44")).answer).toEqual(fresh);
});

test("Redis stalled on an open connection: lookups miss and the write's stamp is owed within the command timeout, paid once it answers", async () => {
  const earlier = await cache(direct, "dashboard-44");
  expect((await cutOff.lookup("dashboard-44")).answer).toEqual(earlier);
  link.stall();
  const started = Date.now();
  expect(await cutOff.lookup("dashboard-44")).toEqual({ answer: null, sequence: null });
  await cutOff.bump(["department:29"]);
  expect(Date.now() - started).toBeLessThan(4 * REDIS_COMMAND_TIMEOUT_MS);
  expect(logged(errors, "a write could not be stamped in Redis")).toBe(true);
  link.resume();
  // no reconnection here ('ready' does not fire): the next lookup pays
  await eventually(async () => (await cutOff.lookup("dashboard-44")).sequence !== null, "la réplique ne reprend pas le cache");
  expect((await direct.lookup("dashboard-44")).answer).toBeNull();
});
