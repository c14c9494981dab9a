/**
 * `npm start` (dist/scripts/start.js, from `npm run build`): every process on the ports given by
 * `<NAME>_PORT` and `GATEWAY_PORT`, and a subgraph that dies restarted (the log says so) while the
 * rest of the hub keeps serving.
 */
import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { createTestDatabase, TestDatabase } from "../support/database";
import { freePort } from "../support/process";
import { contractQuery } from "../support/contract";
import { ensureLocalSecrets } from "../../subgraphs/platform/auth/config";
import { signLocalToken } from "../../subgraphs/platform/auth/tokens";
import { testSiret } from "../support/fixtures";

const SCRIPT = path.resolve("dist/scripts/start.js");
const subgraphs = readRegistry()
  .filter((s) => new URL(s.routingUrl).hostname === "127.0.0.1")
  .map((s) => s.name);
const ports: Record<string, number> = {};
let database: TestDatabase;
let dataDir: string;
let hub: ChildProcess;
let log = "";

/** Resolves when the log (stdout and stderr) matches, else fails after the timeout. */
async function logShows(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = pattern.exec(log);
    if (match) return match;
    if (hub.exitCode !== null) throw new Error(`npm start s'est arrêté :\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pas de ${pattern} dans le journal :\n${log}`);
}

const gatewayUrl = () => `http://127.0.0.1:${ports.gateway}/graphql`;
const ask = async (query: string, variables?: Record<string, unknown>) =>
  (
    await fetch(gatewayUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    })
  ).json();

beforeAll(async () => {
  if (!fs.existsSync(SCRIPT)) throw new Error(`${SCRIPT} manque : lancez \`npm run build\` (npm test le fait).`);
  for (const name of [...subgraphs, "gateway"]) ports[name] = await freePort();
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-start-"));
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(SUBGRAPH_URL_|AUTH_|HUB_HMAC_SECRET$|DATABASE_URL$|METRICS_PORT$)/.test(key),
  );
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(inherited),
    DATA_DIR: dataDir,
    GATEWAY_PORT: String(ports.gateway),
    LOG_LEVEL: "error",
  };
  for (const name of subgraphs) env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
  if (database.config.url) env.DATABASE_URL = database.config.url;
  hub = spawn(process.execPath, [SCRIPT, "--no-demo"], { env, stdio: ["ignore", "pipe", "pipe"] });
  hub.stdout!.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  hub.stderr!.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  await logShows(/Hub prêt/, 90_000);
}, 120_000);

afterAll(async () => {
  const child = hub as ChildProcess | undefined; // unset when beforeAll failed early
  if (child && child.exitCode === null)
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  await (database as TestDatabase | undefined)?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("every subgraph listens on its <NAME>_PORT and the gateway reaches it there", async () => {
  for (const name of subgraphs) expect((await fetch(`http://127.0.0.1:${ports[name]}/ready`)).status).toBe(200);
  const answer = await ask(contractQuery("CafDepartment"), { department: "44", year: 2021 });
  expect(answer.errors).toBeUndefined();
  expect(answer.data.department.code).toBe("44");
});

test("on moved ports, a funder's write reaches the hub's structure directory: recorded, and named at once", async () => {
  const token = await signLocalToken(ensureLocalSecrets(dataDir).privateKeyFile, "caf:44");
  const siret = testSiret(4242);
  const input = {
    department: "44",
    year: 2024,
    fund: "CAF_FNP",
    siret,
    structureName: "Relais parental (fictif, ports déplacés)",
    title: "Atelier (test)",
    amount: 100,
  };
  const written = await (
    await fetch(gatewayUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: "mutation($input: ParentalityGrantInput!) { recordParentalityGrant(input: $input) { id } }",
        variables: { input },
      }),
    })
  ).json();
  expect(written.errors).toBeUndefined();
  expect((await ask(`query($s: ID!) { structure(siret: $s) { name } }`, { s: siret })).data.structure.name).toBe(input.structureName);
});

test("a subgraph that dies is restarted, with a line in the log; the hub keeps serving meanwhile", async () => {
  const pid = Number((await logShows(/\[caf\]\s+démarré \(pid (\d+)\)/))[1]);
  process.kill(pid, "SIGKILL");
  await logShows(/\[caf\]\s+arrêté \(SIGKILL\) : redémarrage dans 0\.5 s \(tentative 1\)/, 10_000);
  const region = await ask(`{ region(code: "52") { name } }`);
  expect(region.data.region).toEqual({ name: "Pays de la Loire" });
  const restarted = await logShows(new RegExp(`\\[caf\\]\\s+démarré \\(pid (?!${pid}\\))(\\d+)\\)`), 20_000);
  expect(Number(restarted[1])).not.toBe(pid);
  const deadline = Date.now() + 30_000;
  let answer: { errors?: unknown; data?: { department: { code: string } } } = {};
  while (Date.now() < deadline) {
    answer = await ask(contractQuery("CafDepartment"), { department: "44", year: 2021 });
    if (!answer.errors) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.department.code).toBe("44");
  expect(hub.exitCode).toBeNull();
});
