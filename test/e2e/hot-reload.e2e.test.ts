/**
 * The running gateway picks up a new composed supergraph written to its file, without a restart:
 * an operation in flight finishes on the supergraph it started with; a file that is not a valid
 * supergraph is refused (logged) and the last good one keeps serving.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { AddressInfo } from "node:net";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { buildSchemaArtifacts } from "../../scripts/compose-lib";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";
import { DEFAULT_RESPONSE_CACHE } from "../../gateway/response-cache";

/**
 * Stands between the gateway and a subgraph: holds the requests whose query contains `marker`
 * while the gate is closed, and counts them.
 */
async function startHoldingProxy(target: () => string, marker: string) {
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  let held = 0;
  let marked = 0;
  // an upstream failure closes the connection, as a dead proxy would
  const server = http.createServer(
    (req, res) =>
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks).toString("utf8");
        if (body.includes(marker)) {
          marked++;
          held++;
          await gate;
          held--;
        }
        const upstream = await fetch(target(), {
          method: "POST",
          headers: { "content-type": "application/json", accept: req.headers.accept ?? "application/json" },
          body,
        });
        res
          .writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" })
          .end(await upstream.text());
      })().catch(() => res.destroy()),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    open() {
      release();
    },
    held: () => held,
    marked: () => marked,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} : toujours pas après ${timeoutMs} ms (dernière valeur : ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Replaces the file in one step, as a deployment should (no half-written file is read). */
function publish(file: string, content: string) {
  fs.writeFileSync(`${file}.tmp`, content);
  fs.renameSync(`${file}.tmp`, file);
}

const MAISONS_PROBE = "{ maisonTerritories { __typename } }";
const isUnknownField = (r: { errors?: { message: string }[] }) =>
  /Cannot query field "maisonTerritories"/.test(r.errors?.[0]?.message ?? "");

let dir: string;
let supergraphFile: string;
let original: string;
let withoutMaisons: string;
let hub: TestHub;
let proxy: Awaited<ReturnType<typeof startHoldingProxy>>;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hot-reload-"));
  supergraphFile = path.join(dir, "supergraph.graphql");
  original = fs.readFileSync("schema/supergraph.graphql", "utf8");
  fs.writeFileSync(supergraphFile, original);
  // the registry without the maisons subgraph, composed as `npm run compose` would (hub regenerated)
  const { composed } = await buildSchemaArtifacts(readRegistry().filter((s) => s.name !== "maisons"));
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  withoutMaisons = composed.supergraphSdl;
  proxy = await startHoldingProxy(() => hub.subgraphs.maisons.url, "assessment");
  // without the response cache: the operation held in flight must reach the subgraph
  hub = await startTestHub({
    supergraphFile,
    pollingIntervalMs: 100,
    subgraphUrls: { maisons: proxy.url },
    speed: { responseCache: { ...DEFAULT_RESPONSE_CACHE, ttlMs: 0 } },
  });
});
afterAll(async () => {
  (proxy as Awaited<ReturnType<typeof startHoldingProxy>> | undefined)?.open();
  await (hub as TestHub | undefined)?.stop();
  await (proxy as Awaited<ReturnType<typeof startHoldingProxy>> | undefined)?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Publishes a good supergraph and waits until it is served: each test starts from a state it sets, so any one runs alone. */
async function serving(content: string) {
  publish(supergraphFile, content);
  const withMaisons = content === original;
  const served = (r: { errors?: unknown[]; data?: { maisonTerritories?: unknown[] } }) =>
    withMaisons ? !r.errors && r.data?.maisonTerritories?.length === 5 : isUnknownField(r as { errors?: { message: string }[] });
  await eventually(() => hub.query(MAISONS_PROBE), served, withMaisons ? "supergraphe d'origine servi" : "supergraphe sans maisons servi");
}

test("serves the supergraph of its file", async () => {
  await serving(original);
  const { data, errors } = await hub.query(contractQuery("MaisonsBoard"));
  expect(errors).toBeUndefined();
  expect(data.maisonTerritories).toHaveLength(5);
  expect(withoutMaisons).not.toMatch(/maisonTerritories/);
});

test("a new supergraph written to the file is served without a restart; an operation in flight finishes on the old one", async () => {
  await serving(original);
  const markedBefore = proxy.marked();
  proxy.close();
  const inFlight = hub.query(contractQuery("MaisonsBoard"));
  await eventually(
    () => Promise.resolve(proxy.held()),
    (n) => n === 1,
    "MaisonsBoard en attente chez maisons",
  );
  publish(supergraphFile, withoutMaisons);
  // the new supergraph has no maisons subgraph: its field is gone from the served API
  await eventually(() => hub.query(MAISONS_PROBE), isUnknownField, "nouveau supergraphe servi");
  expect(await hub.query("{ regions { code } }")).toMatchObject({ data: { regions: expect.arrayContaining([{ code: "52" }]) } });
  expect(proxy.held()).toBe(1);
  proxy.open();
  const { data, errors } = await inFlight;
  expect(errors).toBeUndefined();
  expect(data.maisonTerritories.map((t: { region: { code: string } }) => t.region.code)).toEqual(["01", "02", "03", "04", "06"]);
  expect(proxy.marked() - markedBefore).toBe(1); // finished where it started, not aborted and replayed
});

describe("a file that is not a valid supergraph is refused and the last good one keeps serving", () => {
  const logged: string[] = [];
  let spy: jest.SpyInstance;
  beforeAll(() => {
    spy = jest.spyOn(console, "error").mockImplementation((line: unknown) => {
      logged.push(String(line));
    });
  });
  afterAll(() => spy.mockRestore());

  test.each([
    ["garbage", () => "ceci n'est pas un supergraphe {", /Syntax Error/],
    ["a schema that is not a supergraph", () => "type Query { hello: String }", /join__Graph/],
    ["a supergraph naming an unknown type", () => withoutMaisons.replace("name: String!", "name: Strin!"), /Unknown type "Strin"/],
  ])("%s", async (_what, content, reason) => {
    await serving(withoutMaisons); // the last good one
    const before = logged.length;
    const text = content();
    expect(text).not.toBe(withoutMaisons);
    publish(supergraphFile, text);
    // the runtime polls when a request comes after the interval: requests, then the log
    const refusals = async () => {
      await hub.query("{ regions { code } }");
      return logged.slice(before).filter((l) => /supergraph refused/.test(l));
    };
    await eventually(refusals, (found) => found.length > 0, "refus journalisé");
    const [line] = logged.slice(before).filter((l) => /supergraph refused/.test(l));
    expect(JSON.parse(line)).toMatchObject({
      level: "error",
      service: "gateway",
      msg: "supergraph refused, the previous one keeps serving",
      file: supergraphFile,
      reason: expect.stringMatching(reason),
    });
    // still the last good one (without maisons), answering
    for (let i = 0; i < 5; i++) {
      expect(isUnknownField(await hub.query(MAISONS_PROBE))).toBe(true);
      expect((await hub.query("{ regions { code } }")).data?.regions).toHaveLength(18);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    // refused once, not at every poll
    expect(logged.slice(before).filter((l) => /supergraph refused/.test(l))).toHaveLength(1);
  });

  test("then a good supergraph is picked up again", async () => {
    await serving(withoutMaisons);
    const before = logged.length;
    publish(supergraphFile, "ceci n'est pas un supergraphe {"); // refused first
    await eventually(
      async () => {
        await hub.query("{ regions { code } }"); // the runtime polls when a request comes
        return logged.slice(before).filter((l) => /supergraph refused/.test(l)).length;
      },
      (n) => n > 0,
      "refus journalisé",
    );
    publish(supergraphFile, original);
    await eventually(
      () => hub.query(MAISONS_PROBE),
      (r) => !r.errors && r.data?.maisonTerritories?.length === 5,
      "supergraphe d'origine servi",
    );
    const { data, errors } = await hub.query(contractQuery("MaisonsBoard"));
    expect(errors).toBeUndefined();
    expect(data.maisonTerritories).toHaveLength(5);
  });
});
