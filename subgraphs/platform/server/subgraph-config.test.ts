import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readRegistry } from "../federation/registry";
import { DEFAULT_SUBGRAPH_PORT, readSubgraphConfig } from "./subgraph-config";
import { readGatewayConfig } from "../../../gateway/config";
import { readStartConfig } from "../../../scripts/start-config";

/** What every service needs to start at all (no key file: the JWKS URL is enough). */
const base = { HUB_HMAC_SECRET: "s".repeat(32), AUTH_JWKS_URL: "https://idp.example/jwks.json" };
const registry = readRegistry();

test.each([
  [{ LOG_LEVEL: "bavard" }, /LOG_LEVEL doit valoir fatal, error, warn, info, debug, trace, silent, reçu : bavard/],
  [{ DEMO: "peut-être" }, /DEMO doit valoir 1 ou 0, reçu : peut-être/],
  [{ LOG_SQL: "oui" }, /LOG_SQL doit valoir 1 ou 0, reçu : oui/],
  [{ CAF_PORT: "70000" }, /CAF_PORT doit être un port \(0–65535\), reçu : 70000/],
  [{ PORT: "-1" }, /PORT doit être un port \(0–65535\), reçu : -1/],
  [{ HOST: "0.0.0.0; rm" }, /HOST doit être un nom d'hôte ou une adresse IP/],
  [{ SUBGRAPH_URL_HUB: "hub:4010" }, /SUBGRAPH_URL_HUB doit être une URL http\(s\)/],
])("a subgraph refuses %j at start, naming the variable and the rule", (env, message) => {
  expect(() => readSubgraphConfig("caf", { ...base, ...env })).toThrow(message);
});

test("each subgraph listens on the port of its routing URL in schema/supergraph.yaml", () => {
  expect(registry.length).toBeGreaterThan(0);
  for (const { name, routingUrl } of registry)
    expect({ name, port: readSubgraphConfig(name, base).port }).toEqual({ name, port: Number(new URL(routingUrl).port) });
});

test("<NAME>_PORT wins over PORT, which wins over the registry", () => {
  expect(readSubgraphConfig("caf", { ...base, PORT: "5000" }).port).toBe(5000);
  expect(readSubgraphConfig("caf", { ...base, PORT: "5000", CAF_PORT: "5003" }).port).toBe(5003);
});

test("without the hub's registry (a partner's repository), the one default port", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "no-registry-"));
  try {
    const config = readSubgraphConfig("collectivites", { ...base, SCHEMA_DIR: dir, SUBGRAPH_URL_HUB: "https://hub.example/graphql" });
    expect(config.port).toBe(DEFAULT_SUBGRAPH_PORT);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test("DEMO and --no-demo, LOG_LEVEL and LOG_SQL reach the typed configuration", () => {
  expect(readSubgraphConfig("hub", base)).toMatchObject({ demo: true, logLevel: "info", database: { logSql: false } });
  expect(readSubgraphConfig("hub", { ...base, DEMO: "0" }).demo).toBe(false);
  expect(readSubgraphConfig("hub", base, ["--no-demo"]).demo).toBe(false);
  expect(readSubgraphConfig("hub", { ...base, LOG_LEVEL: "debug", LOG_SQL: "1" })).toMatchObject({
    logLevel: "debug",
    database: { logSql: true },
  });
});

test.each([
  [{ LOG_LEVEL: "bavard" }, /LOG_LEVEL doit valoir/],
  [{ GATEWAY_PORT: "65536" }, /GATEWAY_PORT doit être un port/],
  [{ GATEWAY_HOST: "a b" }, /GATEWAY_HOST doit être un nom d'hôte/],
])("the gateway refuses %j at start", (env, message) => {
  expect(() => readGatewayConfig({ ...base, ...env })).toThrow(message);
});

test("npm start places every local subgraph on its registry port, <NAME>_PORT moving it, and refuses a bad DEMO", () => {
  const placed = readStartConfig({ CAF_PORT: "5003" }).subgraphs;
  expect(placed.map((s) => s.name)).toEqual(registry.map((s) => s.name));
  for (const { name, url } of placed)
    expect({ name, port: url.port }).toEqual({
      name,
      port: name === "caf" ? "5003" : new URL(registry.find((s) => s.name === name)!.routingUrl).port,
    });
  expect(() => readStartConfig({ DEMO: "peut-être" })).toThrow(/DEMO doit valoir 1 ou 0/);
  expect(() => readStartConfig({ GATEWAY_PORT: "port" })).toThrow(/GATEWAY_PORT doit être un port/);
});
