/** Every subgraph: Prometheus metrics on /metrics, the request id sent back, liveness and readiness. */
import http from "node:http";
import { AddressInfo } from "node:net";
import { startTestHub, TestHub } from "../support/hub";
import { contractOperations, contractQuery } from "../support/contract";
import { KNOWN_OPERATIONS } from "../../gateway/known-operations";

let hub: TestHub;
let proxy: http.Server;
const seenRequestIds: string[] = [];
beforeAll(async () => {
  // a proxy in front of the caf subgraph records the headers the gateway sends
  let target = "";
  proxy = http.createServer(
    (req, res) =>
      void (async () => {
        seenRequestIds.push(String(req.headers["x-request-id"]));
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const upstream = await fetch(target, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: Buffer.concat(chunks),
        });
        res.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
      })().catch(() => res.destroy()),
  );
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  hub = await startTestHub({ subgraphUrls: { caf: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` } });
  target = hub.subgraphs.caf.url;
});
afterAll(async () => {
  await (hub as TestHub | undefined)?.stop();
  proxy.close();
});

test("subgraphs count requests, errors, latency per operation and SQL statements", async () => {
  await hub.query(contractQuery("RegionDashboard"), { region: "52", year: 2021 });
  const metrics = await (await fetch(hub.subgraphs.ars.url.replace("/graphql", "/metrics"))).text();
  expect(metrics).toMatch(/subgraph_requests_total\{[^}]*subgraph="ars"[^}]*\} [1-9]/);
  expect(metrics).toMatch(/subgraph_request_duration_seconds_bucket\{/);
  expect(metrics).toMatch(/subgraph_sql_statements_total\{subgraph="ars"\} [1-9]/);
});

test("a subgraph answers liveness and readiness, and echoes the request id it was given", async () => {
  const base = hub.subgraphs.caf.url.replace("/graphql", "");
  expect((await fetch(`${base}/health`)).status).toBe(200);
  expect((await fetch(`${base}/ready`)).status).toBe(200);
  const response = await fetch(hub.subgraphs.caf.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "essai-123" },
    body: "{}",
  });
  expect(response.headers.get("x-request-id")).toBe("essai-123");
});

test("the gateway answers the same liveness and readiness probes", async () => {
  const base = hub.gateway.url.replace("/graphql", "");
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok", service: "gateway" });
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(200);
});

test("the gateway gives each request an id, sends it back and passes it to the subgraphs", async () => {
  const given = await fetch(hub.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "demande-42" },
    body: JSON.stringify({ query: contractQuery("CafDepartment"), variables: { department: "44", year: 2021 } }),
  });
  expect(given.headers.get("x-request-id")).toBe("demande-42");
  expect(seenRequestIds).toContain("demande-42");
  const made = await fetch(hub.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ regions { code } }" }),
  });
  expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("METRICS_PORT: the gateway's metrics move to a port of their own, the public port answers 404", async () => {
  const gateway = await hub.startReplica({ METRICS_PORT: "0" });
  try {
    await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Regions { regions { code } }", operationName: "Regions" }),
    });
    expect(new URL(gateway.metricsUrl).port).not.toBe(String(gateway.port));
    const metrics = await (await fetch(gateway.metricsUrl)).text();
    expect(metrics).toMatch(/hub_graphql_operation_duration_seconds_count\{[^}]*operation="autre"/);
    expect((await fetch(gateway.url.replace("/graphql", "/metrics"))).status).toBe(404);
  } finally {
    await gateway.stop();
  }
});

test("the gateway exposes Prometheus metrics per operation of the contract and per subgraph", async () => {
  await hub.query(contractQuery("CafDepartment"), { department: "44", year: 2021 }, "CafDepartment");
  const metrics = await (await fetch(hub.gateway.url.replace("/graphql", "/metrics"))).text();
  expect(metrics).toMatch(
    /hub_graphql_operation_duration_seconds_count\{operation="CafDepartment",operationType="query",result="ok"\} [1-9]/,
  );
  expect(metrics).toMatch(/graphql_gateway_subgraph_execute_duration\w*\{[^}]*subgraphName="caf"/);
});

test("the operation names the gateway may use as labels are the contract's", () => {
  expect([...KNOWN_OPERATIONS].sort()).toEqual(
    contractOperations()
      .map((o) => o.name)
      .sort(),
  );
});

test("operation names a client makes up never become labels: the series stay bounded", async () => {
  const before = (await (await fetch(hub.gateway.url.replace("/graphql", "/metrics"))).text()).split("\n").length;
  for (let i = 0; i < 30; i++) {
    await fetch(hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `query Inventee${i} { regions { code } }`, operationName: `Inventee${i}` }),
    });
    await fetch(`${hub.gateway.url}?query=${encodeURIComponent(`query Get${i} { regions { code } }`)}`, {
      headers: { "x-graphql-csrf": "1" },
    });
  }
  const metrics = await (await fetch(hub.gateway.url.replace("/graphql", "/metrics"))).text();
  expect(metrics).not.toMatch(/Inventee|Get\d/);
  expect(await (await fetch(hub.subgraphs.hub.url.replace("/graphql", "/metrics"))).text()).not.toMatch(/Inventee|Get\d/);
  expect(metrics).toMatch(/hub_graphql_operation_duration_seconds_count\{operation="autre",operationType="query",result="ok"\} [1-9]/);
  // a handful of new series at most (the "autre" label, the GET method), not one per name
  expect(metrics.split("\n").length - before).toBeLessThan(200);
});

test("without METRICS_PORT, the public /metrics does not list the subgraphs' URLs", async () => {
  const metrics = await (await fetch(hub.gateway.url.replace("/graphql", "/metrics"))).text();
  expect(metrics).toMatch(/graphql_gateway_subgraph_execute_duration/);
  for (const subgraph of Object.values(hub.subgraphs)) expect(metrics).not.toContain(new URL(subgraph.url).host);
  expect(metrics).not.toMatch(/url="/);
});
