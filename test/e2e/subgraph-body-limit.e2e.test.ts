/**
 * The largest body a subgraph reads (SUBGRAPH_MAX_BODY_BYTES): above it the request is refused
 * with 413 before it is parsed, and the message names the limit; the default leaves room for the
 * gateway's entity calls of a large region at several times the national dataset (bench/GROWTH.md).
 */
import { hubSubgraph } from "../../subgraphs/registry";
import { startSubgraph } from "../../subgraphs/platform/server/subgraph-module";
import { readSubgraphConfig, startOptionsOf } from "../../subgraphs/platform/server/subgraph-config";
import { DEFAULT_MAX_BODY_BYTES } from "../../subgraphs/platform/server/http-json";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { createTestAuth } from "../support/auth";
import { createTestDatabase, TestDatabase } from "../support/database";
import { servicesEnv } from "../support/config-env";

const auth = createTestAuth();
let database: TestDatabase;
const servers: SubgraphServer[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database.drop();
  auth.cleanup();
});

const start = async (env: Record<string, string> = {}) => {
  const server = await startSubgraph(
    hubSubgraph(),
    startOptionsOf(readSubgraphConfig("hub", { ...servicesEnv(auth, database.config), ...env }), null),
  );
  servers.push(server);
  return server;
};
/** An unsigned query padded to `bytes`: within the limit it reaches the signature check (401). */
const post = (server: SubgraphServer, bytes: number) => {
  const body = JSON.stringify({ query: "{ __typename }", padding: "" });
  return fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body.replace('"padding":""', `"padding":"${"x".repeat(Math.max(0, bytes - body.length))}"`),
  });
};

test("over SUBGRAPH_MAX_BODY_BYTES: 413, named in French; at the limit the request goes on to the signature check", async () => {
  const server = await start({ SUBGRAPH_MAX_BODY_BYTES: "4000" });
  const refused = await post(server, 4_001);
  expect(refused.status).toBe(413);
  expect((await refused.json()).errors[0].message).toBe("Requête trop volumineuse : 4000 octets au plus (SUBGRAPH_MAX_BODY_BYTES).");
  expect((await post(server, 4_000)).status).toBe(401);
});

test("the default reads a 2 MB entity call (twice the national dataset sends the hub about 1 MB) and refuses past 16 MiB", async () => {
  const server = await start();
  expect(DEFAULT_MAX_BODY_BYTES).toBe(16 * 1024 * 1024);
  expect((await post(server, 2_000_000)).status).toBe(401);
  expect((await post(server, DEFAULT_MAX_BODY_BYTES + 1)).status).toBe(413);
});

test("a limit that is not a whole number of bytes stops the subgraph", () => {
  for (const raw of ["0", "1.5", "16MB", "-1"])
    expect(() => readSubgraphConfig("hub", { ...servicesEnv(auth, database.config), SUBGRAPH_MAX_BODY_BYTES: raw })).toThrow(
      `SUBGRAPH_MAX_BODY_BYTES doit être un nombre d'octets (entier, au moins 1), reçu : ${raw}`,
    );
});
