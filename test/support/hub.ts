import "reflect-metadata";
import path from "node:path";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../../subgraphs/registry";
import { startSubgraph } from "../../subgraphs/platform/server/subgraph-module";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { DEFAULT_SPEED_SETTINGS, GatewayConfig } from "../../gateway/config";
import { DemoDataset } from "../../fixtures/demo/dataset";
import { startGateway, RunningGateway } from "../../gateway/server";
import { DEFAULT_LIMITS, SecurityLimits } from "../../gateway/security";
import { createTestDatabase, TestDatabase } from "./database";
import { createTestAuth, TestAuth } from "./auth";
import { Json } from "./json";

export interface TestHub {
  gateway: RunningGateway;
  subgraphs: Record<string, SubgraphServer>;
  database: TestDatabase;
  auth: TestAuth;
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
    speed?: Partial<Pick<GatewayConfig, "queryPlanner" | "responseCache" | "compression">>;
  } = {},
): Promise<TestHub> {
  const database = await createTestDatabase();
  const auth = options.auth ?? createTestAuth();
  const subgraphs: Record<string, SubgraphServer> = {};
  try {
    // the hub first: the funders' writes tell its structure directory the SIRETs they record
    subgraphs.hub = await startSubgraph(hubSubgraph(), {
      database: database.config,
      auth: auth.config,
      port: 0,
      demo: options.demo ?? null,
    });
    for (const module of FUNDER_SUBGRAPHS) {
      subgraphs[module.name] = await startSubgraph(module, {
        database: database.config,
        auth: auth.config,
        port: 0,
        demo: options.demo ?? null,
        directoryUrl: subgraphs.hub.url,
      });
    }
    await options.seed?.(subgraphs);
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    await database.drop();
    throw error;
  }
  const gateway = await startGateway({
    port: 0,
    host: "127.0.0.1",
    supergraphFile: path.resolve(options.supergraphFile ?? "schema/supergraph.graphql"),
    subgraphUrls: { ...Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])), ...options.subgraphUrls },
    pollingIntervalMs: options.pollingIntervalMs ?? 0,
    auth: auth.config,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...DEFAULT_SPEED_SETTINGS,
    ...options.speed,
  });
  const query: TestHub["query"] = async (q, variables, operationName, token) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query: q, variables, operationName }) });
    return response.json() as never;
  };
  const snapshot = () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.stats()]));
  return {
    gateway,
    subgraphs,
    database,
    auth,
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
