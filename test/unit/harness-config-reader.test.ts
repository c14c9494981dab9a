import path from "node:path";
import { ReadRule, scanHarnesses, scanStarts } from "../support/config-scan";

/**
 * Harnesses start services on a configuration read by the production readers (issue #13): in test/,
 * bench/ and scripts/, every startGateway or createGateway call takes `readGatewayConfig(…)`, every
 * startSubgraph call `startOptionsOf(readSubgraphConfig(…), demo)` as main.ts does (or variables
 * initialised with them), never an object built by hand: a copy of a read configuration with a
 * field changed included, since the reader would not have checked that field. startSubgraphServer
 * takes options no reader makes: harnesses do not call it.
 */
const GATEWAY_RULE: ReadRule = { starters: { startGateway: 0, createGateway: 0 }, steps: ["readGatewayConfig"] };
const SUBGRAPH_RULE: ReadRule = {
  starters: { startSubgraph: 1 },
  steps: ["readSubgraphConfig", "startOptionsOf"],
  forbidden: ["startSubgraphServer"],
};

test("the gateway scan tells a read configuration from a hand-built one", () => {
  const gatewayStarts = (source: string) => scanStarts("a.ts", source, GATEWAY_RULE);
  const read = gatewayStarts("const config = readGatewayConfig(env);\nawait startGateway(config);\nstartGateway(readGatewayConfig({}));");
  expect(read).toEqual({ starts: 2, handBuilt: [] });
  const copied = gatewayStarts("await startGateway({ ...hub.gateway.config, port: 0 });");
  expect(copied.handBuilt).toEqual(["1: startGateway({ ...hub.gateway.config, port: 0 })"]);
  const viaVariable = gatewayStarts("const config = { ...base, metricsPort: 0 };\ncreateGateway(config, store, registry);");
  expect(viaVariable.handBuilt).toEqual(["2: createGateway(config, store, registry)"]);
  const reassigned = gatewayStarts("let config = readGatewayConfig(env);\nconfig = { ...config, port: 0 };\nstartGateway(config);");
  expect(reassigned.handBuilt).toEqual(["3: startGateway(config)"]);
});

test("the subgraph scan tells read options from hand-built ones", () => {
  const subgraphStarts = (...lines: string[]) => scanStarts("a.ts", lines.join("\n"), SUBGRAPH_RULE);
  const read = subgraphStarts(
    "const config = readSubgraphConfig('caf', env);",
    "await startSubgraph(caf, startOptionsOf(config, null));",
    "startSubgraph(hub, startOptionsOf(readSubgraphConfig('hub', env), demo));",
    "const options = startOptionsOf(config, null);",
    "startSubgraph(caf, options);",
  );
  expect(read).toEqual({ starts: 3, handBuilt: [] });
  const byHand = subgraphStarts("await startSubgraph(caf, { database, auth: auth.config, port: 0 });");
  expect(byHand.handBuilt).toEqual(["1: startSubgraph(caf, { database, auth: auth.config, port: 0 })"]);
  const copied = subgraphStarts(
    "const config = readSubgraphConfig('caf', env);",
    "startSubgraph(caf, startOptionsOf({ ...config, port: 0 }, null));",
  );
  expect(copied.handBuilt).toEqual(["2: startSubgraph(caf, startOptionsOf({ ...config, port: 0 }, null))"]);
  const changed = subgraphStarts(
    "const options = startOptionsOf(readSubgraphConfig('caf', env), null);",
    "startSubgraph(caf, { ...options, port: 0 });",
  );
  expect(changed.handBuilt).toEqual(["2: startSubgraph(caf, { ...options, port: 0 })"]);
  const server = subgraphStarts("startSubgraphServer({ name: 'caf', schema, database, auth });");
  expect(server).toEqual({ starts: 1, handBuilt: ["1: startSubgraphServer({ name: 'caf', schema, database, auth })"] });
});

describe.each([
  {
    service: "gateway",
    rule: GATEWAY_RULE,
    harnesses: ["test/support/hub.ts", "test/support/scaffold-copy.ts", "bench/hive-gateway-main.ts"],
  },
  {
    service: "subgraph",
    rule: SUBGRAPH_RULE,
    harnesses: ["test/support/hub.ts", "test/support/scaffold-copy.ts", "test/e2e/demo-and-start.e2e.test.ts", "bench/subgraph-main.ts"],
  },
])("$service starts in test/, bench/ and scripts/", ({ rule, harnesses }) => {
  const scanned = scanHarnesses(rule);

  test("the scan reads the harnesses that start them", () => {
    const starting = scanned.filter((s) => s.starts > 0).map((s) => s.file);
    for (const file of harnesses) expect(starting).toContain(path.join(...file.split("/")));
  });

  test("none takes a configuration built by hand", () => {
    expect(scanned.flatMap((s) => s.handBuilt.map((line) => `${s.file}:${line}`))).toEqual([]);
  });
});
