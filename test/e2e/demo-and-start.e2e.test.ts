/** First start: migrations, reference data and the demo set load once, flagged as demo; --no-demo skips it. */
import { buildDemoDataset } from "../../fixtures/demo/dataset";
import { startSubgraph, SubgraphModule } from "../../subgraphs/platform/server/subgraph-module";
import { readSubgraphConfig, startOptionsOf } from "../../subgraphs/platform/server/subgraph-config";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../../subgraphs/registry";
import { createTestDatabase, TestDatabase } from "../support/database";
import { createTestAuth } from "../support/auth";
import { servicesEnv } from "../support/config-env";

let database: TestDatabase;
const auth = createTestAuth();
afterAll(() => auth.cleanup());
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.drop());

/** A start as main.ts makes it: DEMO=1 (the default) unless `--no-demo`, the demo set built only then. */
const dataset = buildDemoDataset();
function start(module: SubgraphModule, argv: string[] = []) {
  const config = readSubgraphConfig(module.name, { ...servicesEnv(auth, database.config), DEMO: "1" }, argv);
  return startSubgraph(module, startOptionsOf(config, config.demo ? dataset : null));
}

const count = async (server: Awaited<ReturnType<typeof startSubgraph>>, table: string, where = "") =>
  Number((await server.database.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} ${where}`))[0].n);

test("every subgraph loads the same reference data, and its demo slice once, all flagged demo", async () => {
  for (const module of [...FUNDER_SUBGRAPHS, hubSubgraph()]) {
    let server = await start(module);
    expect({
      subgraph: module.name,
      regions: await count(server, "region"),
      departments: await count(server, "department"),
      axes: await count(server, "axis"),
    }).toEqual({ subgraph: module.name, regions: 18, departments: 101, axes: 6 });
    const table = {
      ars: "laureate_project",
      dreets: "laureate_project",
      caf: "parentality_grant",
      maisons: "maison_project",
      departements: "departmental_credit",
      hub: null,
    }[module.name];
    if (table) {
      const loaded = await count(server, table);
      expect(loaded).toBeGreaterThan(0);
      expect(await count(server, table, "WHERE demo = false")).toBe(0);
      expect(await count(server, "structure", "WHERE demo = false")).toBe(0);
      await server.stop();
      server = await start(module); // second start: no duplicate
      expect(await count(server, table)).toBe(loaded);
    } else {
      expect(await count(server, "regional_call_announcement")).toBe(18);
      expect(await count(server, "instruction_rule")).toBeGreaterThan(5);
    }
    await server.stop();
  }
});

test("--no-demo: reference data only", async () => {
  const server = await start(FUNDER_SUBGRAPHS[0], ["--no-demo"]);
  expect(await count(server, "laureate_project")).toBe(0);
  expect(await count(server, "region")).toBe(18);
  const health = await fetch(server.url.replace("/graphql", "/ready"));
  expect(health.status).toBe(200);
  await server.stop();
});
