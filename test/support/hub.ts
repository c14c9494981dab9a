import "reflect-metadata";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../../subgraphs/registry";
import { startSubgraph, structureDirectoryOf } from "../../subgraphs/platform/server/subgraph-module";
import { StructureDirectory } from "../../subgraphs/platform/directory/client";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { readGatewayConfig } from "../../gateway/config";
import { readSubgraphConfig, startOptionsOf } from "../../subgraphs/platform/server/subgraph-config";
import { DemoDataset } from "../../fixtures/demo/dataset";
import { startGateway, RunningGateway } from "../../gateway/server";
import { SecurityLimits } from "../../gateway/security";
import { Env, expectRead, gatewayPlacesEnv, limitsEnv, servicesEnv, speedEnv, SpeedSettings } from "./config-env";
import { createTestDatabase, TestDatabase } from "./database";
import { createTestAuth, TestAuth } from "./auth";
import { Json } from "./json";

export interface TestHub {
  gateway: RunningGateway;
  /** The environment the gateway's configuration was read from (readGatewayConfig). */
  gatewayEnv: Env;
  /**
   * Another gateway over the same subgraphs (a replica, a variant): its configuration read from
   * `gatewayEnv` with `env` on top, on a free port. The caller stops it.
   */
  startReplica(env?: Env): Promise<RunningGateway>;
  subgraphs: Record<string, SubgraphServer>;
  database: TestDatabase;
  auth: TestAuth;
  /** The structure directory the funders' writes tell, as a funder server builds it: for the writes a test calls directly. */
  directory: StructureDirectory;
  query(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
    token?: string,
  ): Promise<{ data?: Json; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Per subgraph: GraphQL requests and SQL statements run while `action` ran. */
  measure(action: () => Promise<unknown>): Promise<Record<string, { requests: number; sqlStatements: number }>>;
  stop(): Promise<void>;
}

/**
 * The whole hub, in-process, on free ports and a fresh database: every subgraph of the registry
 * and the gateway serving the committed supergraph (subgraph URLs overridden, as in production).
 * Every configuration is read from an environment by the production readers.
 */
export async function startTestHub(
  options: {
    demo?: DemoDataset;
    seed?: (subgraphs: Record<string, SubgraphServer>) => Promise<void>;
    limits?: Partial<SecurityLimits>;
    subgraphUrls?: Record<string, string>;
    auth?: TestAuth;
    supergraphFile?: string;
    pollingIntervalMs?: number;
    speed?: Partial<SpeedSettings>;
    /** More environment for every service, read by the same readers as in production. */
    env?: Env;
    /** Where the funders' writes tell the SIRETs they record (SUBGRAPH_URL_HUB); this hub's own by default. */
    directoryUrl?: string;
  } = {},
): Promise<TestHub> {
  const database = await createTestDatabase();
  const auth = options.auth ?? createTestAuth();
  const subgraphs: Record<string, SubgraphServer> = {};
  const env: Env = { ...servicesEnv(auth, database.config), ...options.env };
  const demo = options.demo ?? null;
  const funderEnv = (): Env => ({ ...env, SUBGRAPH_URL_HUB: options.directoryUrl ?? subgraphs.hub.url });
  try {
    // the hub first: the funders' writes tell its structure directory the SIRETs they record
    subgraphs.hub = await startSubgraph(hubSubgraph(), startOptionsOf(readSubgraphConfig("hub", env), demo));
    for (const module of FUNDER_SUBGRAPHS) {
      const config = readSubgraphConfig(module.name, funderEnv());
      subgraphs[module.name] = await startSubgraph(module, startOptionsOf(config, demo));
    }
    await options.seed?.(subgraphs);
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    await database.drop();
    throw error;
  }
  const directory = structureDirectoryOf(startOptionsOf(readSubgraphConfig(FUNDER_SUBGRAPHS[0].name, funderEnv()), demo));
  const urls = { ...Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])), ...options.subgraphUrls };
  const gatewayEnv: Env = {
    ...env,
    ...gatewayPlacesEnv(options.supergraphFile ?? "schema/supergraph.graphql", urls, options.pollingIntervalMs),
    ...limitsEnv(options.limits ?? {}),
    ...speedEnv(options.speed ?? {}),
  };
  const gatewayConfig = readGatewayConfig(gatewayEnv);
  expectRead(gatewayConfig, { ...options.speed, limits: options.limits ?? {} }, "startTestHub");
  const gateway = await startGateway(gatewayConfig);
  const query: TestHub["query"] = async (q, variables, operationName, token) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query: q, variables, operationName }) });
    return response.json() as never;
  };
  const snapshot = () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.stats()]));
  return {
    gateway,
    gatewayEnv,
    startReplica: (extra = {}) => startGateway(readGatewayConfig({ ...gatewayEnv, GATEWAY_PORT: "0", ...extra })),
    subgraphs,
    database,
    auth,
    directory,
    query,
    async measure(action) {
      const before = snapshot();
      await action();
      const after = snapshot();
      return Object.fromEntries(
        Object.keys(after).map((name) => [
          name,
          {
            requests: after[name].requests - before[name].requests,
            sqlStatements: after[name].sqlStatements - before[name].sqlStatements,
          },
        ]),
      );
    },
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
      await database.drop();
      auth.cleanup();
    },
  };
}
