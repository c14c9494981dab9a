/** Every subgraph: Prometheus metrics on /metrics, the request id sent back, liveness and readiness. */
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";

let hub: TestHub;
beforeAll(async () => { hub = await startTestHub(); });
afterAll(() => hub?.stop());

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
  const response = await fetch(hub.subgraphs.caf.url, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "essai-123" }, body: "{}" });
  expect(response.headers.get("x-request-id")).toBe("essai-123");
});

test("the gateway answers the same liveness and readiness probes", async () => {
  const base = hub.gateway.url.replace("/graphql", "");
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok", service: "gateway" });
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(200);
});
