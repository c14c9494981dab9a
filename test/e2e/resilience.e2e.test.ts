/**
 * Faults with real processes: the CAF subgraph runs in its own process, killed and restarted while
 * requests keep coming. The gateway keeps answering with the other subgraphs' data and recovers by
 * itself; a kill during writes loses no acknowledged write and leaves none half written.
 */
import { startTestHub, TestHub } from "../support/hub";
import { createTestAuth } from "../support/auth";
import { createTestDatabase, TestDatabase } from "../support/database";
import { subgraphProcess, SubgraphProcess } from "../support/process";
import { DEFAULT_RESPONSE_CACHE } from "../../gateway/response-cache";

const auth = createTestAuth();
let cafDatabase: TestDatabase;
let caf: SubgraphProcess;
let hub: TestHub;
let token: string;

beforeAll(async () => {
  cafDatabase = await createTestDatabase();
  const db: Record<string, string> = cafDatabase.config.url
    ? { DATABASE_URL: cafDatabase.config.url }
    : { DATA_DIR: cafDatabase.config.dataDir };
  const env: Record<string, string> = { ...db, HUB_HMAC_SECRET: auth.config.hmacSecret, AUTH_PUBLIC_KEY_FILE: auth.secrets.publicKeyFile };
  caf = await subgraphProcess("caf", env);
  hub = await startTestHub({
    auth,
    subgraphUrls: { caf: caf.url },
    limits: { subgraphTimeoutMs: 2_000, writesPerMinute: 10_000 },
    // the fault path itself: no cached answer may stand in for the missing subgraph
    speed: { responseCache: { ...DEFAULT_RESPONSE_CACHE, ttlMs: 0 } },
  });
  env.SUBGRAPH_URL_HUB = hub.subgraphs.hub.url; // the CAF's writes tell the hub's structure directory their SIRETs
  await caf.start();
  token = await auth.token("caf:44");
}, 60_000);
afterAll(async () => {
  await (caf as SubgraphProcess | undefined)?.kill();
  await (hub as TestHub | undefined)?.stop();
  await (cafDatabase as TestDatabase | undefined)?.drop();
});

// each test its own year: the kill-and-restart test counts its one grant, the write test its many
const grant = (title: string, year = 2024) =>
  hub.query(
    `mutation($input: ParentalityGrantInput!) { recordParentalityGrant(input: $input) { id } }`,
    { input: { department: "44", year, fund: "CAF_FNP", siret: "73282932000074", structureName: "Association", title, amount: 100 } },
    undefined,
    token,
  );
const dashboard = (year: number) =>
  hub.query(
    `query($year: Int!) { region(code: "52") { name departments { code parentalityGrants(year: $year) { amount } } crossFinancing(year: $year) { total } } }`,
    { year },
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a subgraph killed and restarted during a run of requests: partial answers, then recovery", async () => {
  expect((await grant("Avant la panne", 2023)).errors).toBeUndefined();
  const results: { phase: string; result: Awaited<ReturnType<typeof dashboard>> }[] = [];
  let phase = "up";
  const run = (async () => {
    while (phase !== "done") {
      results.push({ phase, result: await dashboard(2023) });
      await sleep(50);
    }
  })();
  await sleep(500);
  await caf.kill("SIGKILL");
  phase = "down";
  await sleep(1_500);
  await caf.start();
  await sleep(1_000);
  phase = "recovered";
  await sleep(1_000);
  phase = "done";
  await run;

  // the others' data is always there
  for (const { result } of results) expect(result.data?.region?.name).toBe("Pays de la Loire");
  const down = results.filter((r) => r.phase === "down");
  expect(
    down.some(
      (r) =>
        (r.result.errors?.length ?? 0) > 0 &&
        r.result.data.region.departments.find((d: { code: string }) => d.code === "44").parentalityGrants === null,
    ),
  ).toBe(true);
  // the client learns what is missing, never the subgraph's internal address
  const downErrors = JSON.stringify(down.map((r) => r.result.errors ?? []));
  expect(downErrors).toMatch(/ne répond pas/);
  expect(downErrors).not.toMatch(/127\.0\.0\.1|ECONN|fetch failed/);
  const recovered = results.filter((r) => r.phase === "recovered");
  expect(recovered.length).toBeGreaterThan(0);
  for (const { result } of recovered) {
    expect(result.errors).toBeUndefined();
    expect(result.data.region.departments.find((d: { code: string }) => d.code === "44").parentalityGrants).toEqual([{ amount: 100 }]);
  }
}, 60_000);

test("a kill during writes: every acknowledged write is kept, none is half written", async () => {
  // a warm process first (the restart above left it cold): a write now awaits the hub's directory too
  expect((await grant("Échauffement")).errors).toBeUndefined();
  const acknowledged: string[] = [];
  const writes = Array.from({ length: 40 }, (_, i) =>
    (async () => {
      await sleep(i * 15);
      const result = await grant(`Écriture ${i}`);
      if (result.data?.recordParentalityGrant?.id) acknowledged.push(result.data.recordParentalityGrant.id);
    })(),
  );
  await sleep(400);
  await caf.kill("SIGKILL");
  await Promise.all(writes);
  await caf.start();

  const national = await auth.token("national");
  const trail = await hub.query(`{ cafAuditTrail(last: 500) { entityId } }`, undefined, undefined, national);
  const audited = new Set(trail.data.cafAuditTrail.map((e: { entityId: string }) => e.entityId));
  const department = await hub.query(`{ department(code: "44") { parentalityGrants(year: 2024) { id } } }`);
  const stored = department.data.department.parentalityGrants.map((g: { id: string }) => g.id);
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const id of acknowledged) expect(stored).toContain(id);
  // each stored grant has its audit entry: grant and audit were one transaction
  expect(stored.filter((id: string) => !audited.has(id))).toEqual([]);
}, 60_000);
