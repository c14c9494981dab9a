/**
 * The public endpoint under hostile requests: operation limits, body size, batching, CSRF,
 * field suggestions, masked errors, rate limit per organisation, subgraphs that answer only the
 * gateway, and a slow subgraph that does not take the others down.
 */
import fs from "node:fs";
import http from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { AddressInfo } from "node:net";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";

let hub: TestHub;
let slow: http.Server;
beforeAll(async () => {
  // a "maisons" subgraph that never answers in time
  slow = http.createServer((_req, res) => {
    setTimeout(() => res.end("{}"), 5_000).unref();
  });
  await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
  const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
  hub = await startTestHub({ limits: { writesPerMinute: 3, subgraphTimeoutMs: 1_000 }, subgraphUrls: { maisons: slowUrl } });
});
afterAll(async () => {
  await (hub as TestHub | undefined)?.stop();
  slow.closeAllConnections();
  slow.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(hub.gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

test("a deep query is refused", async () => {
  let q = "code";
  for (let i = 0; i < 6; i++) q = `departments { region { ${q} } }`;
  const response = await post(JSON.stringify({ query: `{ region(code: "52") { ${q} } }` }));
  expect(response.status).toBe(400);
  const { errors, data } = await response.json();
  expect(data).toBeUndefined();
  expect(errors?.[0]).toMatchObject({
    message: "Requête trop imbriquée : 10 niveaux au plus (LIMIT_MAX_DEPTH).",
    extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
  });
});

test("an alias bomb is refused", async () => {
  const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: regions { code }`).join(" ");
  const { errors, data } = await hub.query(`{ ${aliases} }`);
  expect(data).toBeUndefined();
  expect(errors?.[0]).toMatchObject({
    message: "Trop d'alias dans la requête : 15 au plus (LIMIT_MAX_ALIASES).",
    extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
  });
});

test("a query with too many tokens is refused", async () => {
  const fields = Array.from({ length: 4_000 }, () => "code").join(" ");
  const { errors } = await hub.query(`{ regions { ${fields} } }`);
  expect(errors?.[0]).toMatchObject({
    message: "Requête trop longue : 3000 éléments lexicaux au plus (LIMIT_MAX_TOKENS).",
    extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
  });
});

test("a huge body is refused before it is read", async () => {
  const response = await post(JSON.stringify({ query: `{ regions { code } } # ${"x".repeat(200_000)}` }));
  expect(response.status).toBe(413);
});

test("a compressed body is refused (it could inflate past the limit once read)", async () => {
  const body = gzipSync(JSON.stringify({ query: `{ regions { code } } # ${" ".repeat(1_000_000)}` }));
  expect(body.length).toBeLessThan(100_000);
  const response = await fetch(hub.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body,
  });
  expect(response.status).toBe(415);
  expect((await response.json()).errors[0].message).toMatch(/Corps compressé refusé/);
});

test("answers are compressed for clients that accept it, and only for them", async () => {
  const request = (acceptEncoding: string) =>
    new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      const body = JSON.stringify({ query: "{ regions { code name overseas departments { code name } } }" });
      const req = http.request(
        hub.gateway.url,
        {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "accept-encoding": acceptEncoding },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const plain = await request("identity");
  expect(plain.encoding).toBeUndefined();
  const zipped = await request("gzip");
  expect(zipped.encoding).toBe("gzip");
  expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
  expect(JSON.parse(gunzipSync(zipped.body).toString("utf8"))).toEqual(JSON.parse(plain.body.toString("utf8")));
});

test("batched arrays are not executed", async () => {
  const response = await post(JSON.stringify([{ query: "{ regions { code } }" }, { query: "{ regions { name } }" }]));
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(JSON.stringify(await response.json())).not.toMatch(/"data"/);
});

test("CSRF: a simple cross-site request (text/plain POST, GET without header) is refused", async () => {
  const plain = await post(JSON.stringify({ query: "{ regions { code } }" }), { "content-type": "text/plain" });
  expect(plain.status).toBeGreaterThanOrEqual(400);
  const get = await fetch(`${hub.gateway.url}?query=${encodeURIComponent("{ regions { code } }")}`);
  expect(get.status).toBe(403);
  expect((await get.json()).errors[0]).toMatchObject({
    message: expect.stringMatching(/protection CSRF.*« x-graphql-csrf: 1 »/),
    extensions: { code: "CSRF_HEADER_REQUIRED" },
  });
  // the README tells partners which header to send
  expect(fs.readFileSync("README.md", "utf8")).toMatch(/GET[^.]*x-graphql-csrf: 1/);
  const allowed = await fetch(`${hub.gateway.url}?query=${encodeURIComponent("{ regions { code } }")}`, {
    headers: { "x-graphql-csrf": "1" },
  });
  expect(allowed.status).toBe(200);
});

test("field suggestions are hidden", async () => {
  const { errors } = await hub.query(`{ regin(code: "52") { code } }`);
  expect(errors?.[0].message).not.toMatch(/Did you mean/);
});

test("subgraphs refuse any request the gateway did not sign: queries, _service, _entities", async () => {
  const ars = hub.subgraphs.ars.url;
  for (const query of [
    "{ healthProjects(first: 1) { totalCount } }",
    "{ _service { sdl } }",
    `{ _entities(representations: [{ __typename: "Structure", siret: "73282932000074" }]) { ... on Structure { healthProjects { id } } } }`,
  ]) {
    const response = await fetch(ars, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(401);
  }
  // a forged representation with a made-up signature
  const forged = await fetch(ars, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      variables: { r: [{ __typename: "Region", code: "52" }] },
      extensions: { "hmac-signature": Buffer.from("forged").toString("base64"), jwt: { payload: { org: "national" } } },
    }),
  });
  expect(forged.status).toBe(401);
});

test("a slow subgraph: the others' data comes back within the timeout, with an error on the missing fields", async () => {
  const started = Date.now();
  const { data, errors } = await hub.query(`{ region(code: "52") { name } maisonProject(id: "1") { id } }`);
  expect(Date.now() - started).toBeLessThan(4_000);
  expect(data?.region).toEqual({ name: "Pays de la Loire" });
  expect(data?.maisonProject).toBeNull();
  expect(errors?.length).toBeGreaterThan(0);
  expect(errors?.[0]).toMatchObject({
    message: expect.stringMatching(/^Le sous-graphe maisons n'a pas répondu dans le délai \(1 s, SUBGRAPH_TIMEOUT_MS\)/),
    extensions: { code: "GATEWAY_TIMEOUT" },
  });
  expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|ECONN|fetch failed|aborted|timed out/);
});

test("writes are rate-limited per organisation (the verified org claim), counted from the first write, refused in French with 429", async () => {
  const token = await hub.auth.token("caf:44");
  const sameOrganisation = await hub.auth.token("caf:44", { subject: "une-autre-agente" });
  const other = await hub.auth.token("caf:49");
  const write = (authorization: string, department: string, i: number) =>
    post(
      JSON.stringify({
        query: `mutation { recordParentalityGrant(input: { department: "${department}", year: 2023, fund: CAF_FNP, siret: "73282932000074", structureName: "Test (fictif)", title: "Subvention ${i}", amount: 10 }) { id } }`,
      }),
      { authorization },
    );
  // the budget (3) is shared by the token and another token of the same organisation; a header with
  // something after the token is refused before it counts
  const answers = [
    await write(`Bearer ${token}`, "44", 0),
    await write(`Bearer ${token} x`, "44", 1),
    await write(`Bearer ${sameOrganisation}`, "44", 2),
    await write(`Bearer ${token}`, "44", 3),
    await write(`Bearer ${sameOrganisation}`, "44", 4),
  ];
  const bodies = await Promise.all(answers.map((a) => a.json()));
  expect(answers[1].status).toBe(401);
  expect(bodies[1].errors[0].extensions.code).toBe("UNAUTHENTICATED");
  answers.splice(1, 1);
  bodies.splice(1, 1);
  expect(bodies.slice(0, 3).map((b) => b.errors)).toEqual([undefined, undefined, undefined]);
  expect(answers[3].status).toBe(429);
  expect(answers[3].headers.get("retry-after")).toBe("60");
  expect(bodies[3].errors[0]).toMatchObject({
    message: expect.stringMatching(/Limite d'écriture atteinte : 3 appels par minute.*caf:44.*Réessayez dans 60 s/),
    extensions: { code: "RATE_LIMITED" },
  });
  expect(JSON.stringify(bodies[3])).not.toMatch(/"http"/);
  // another organisation keeps its own budget
  const elsewhere = await write(`Bearer ${other}`, "49", 0);
  expect(elsewhere.status).toBe(200);
  expect((await elsewhere.json()).errors).toBeUndefined();
});

test("errors are masked: no SQL, no stack, no subgraph body reaches the client", async () => {
  // the table is hidden for this test only and put back after: the hub is shared with the write tests
  const database = hub.subgraphs.caf.database.dataSource;
  await database.query("ALTER TABLE parentality_grant RENAME TO parentality_grant_hidden");
  let errors: { message: string }[] | undefined;
  try {
    ({ errors } = await hub.query(contractQuery("CafDepartment"), { department: "44", year: 2021 }));
  } finally {
    await database.query("ALTER TABLE parentality_grant_hidden RENAME TO parentality_grant");
  }
  expect(errors?.length).toBeGreaterThan(0);
  const text = JSON.stringify(errors);
  expect(text).not.toMatch(/parentality_grant|SQL|SELECT|stack|at .*\.ts/i);
});
