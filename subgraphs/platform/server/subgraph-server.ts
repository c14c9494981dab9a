import http from "node:http";
import { AddressInfo } from "node:net";
import { GraphQLSchema } from "graphql";
import { SubgraphDatabase } from "../db/create-data-source";
import { AuthConfig } from "../auth/config";
import { Actor } from "../auth/organisation";
import { createObservability, ObservabilitySettings } from "./observability";
import { startSubgraphApollo } from "./subgraph-apollo";
import { createGraphQLRoute } from "./graphql-route";
import { BodyError, DEFAULT_MAX_BODY_BYTES, sendJson } from "./http-json";

export interface SubgraphServer {
  name: string;
  url: string;
  port: number;
  database: SubgraphDatabase;
  /** GraphQL requests served and SQL statements run since start (tests assert on them). */
  stats(): { requests: number; sqlStatements: number };
  stop(): Promise<void>;
}

interface Options<Context extends object> {
  name: string;
  schema: GraphQLSchema;
  database: SubgraphDatabase;
  /** Builds the per-request context: fresh DataLoaders for every request, never shared. */
  createContext: (actor: Actor | null) => Context;
  /** Gateway signature and token verification; every GraphQL request must pass it. */
  auth: AuthConfig;
  port?: number;
  host?: string;
  observability?: ObservabilitySettings;
  maxBodyBytes?: number;
}

/**
 * A subgraph over node:http with Apollo Server's integration API: GraphQL on /graphql
 * (graphql-route.ts), liveness on /health, readiness (database reachable) on /ready, Prometheus
 * metrics on /metrics. Listens on `port` (0: any free one) and stops in order: connections, Apollo,
 * the database.
 */
export async function startSubgraphServer<Context extends object>(options: Options<Context>): Promise<SubgraphServer> {
  const { name, database } = options;
  const apollo = await startSubgraphApollo<Context>(name, options.schema);
  const sqlCount = () => database.sql.count;
  const observability = createObservability(name, sqlCount, options.observability);
  const graphql = createGraphQLRoute({
    apollo,
    createContext: options.createContext,
    auth: options.auth,
    observability,
    sqlCount,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  let requests = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://subgraph");
      if (url.pathname === "/health") {
        sendJson(res, 200, { status: "ok", subgraph: name });
      } else if (url.pathname === "/ready") {
        await database.dataSource.query("SELECT 1").then(
          () => sendJson(res, 200, { status: "ready", subgraph: name }),
          () => sendJson(res, 503, { status: "database unreachable", subgraph: name }),
        );
      } else if (url.pathname === "/metrics") {
        res.setHeader("content-type", observability.registry.contentType);
        res.end(await observability.registry.metrics());
      } else if (url.pathname === "/graphql") {
        requests++;
        await graphql(req, res, url);
      } else {
        sendJson(res, 404, { error: "not found" });
      }
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 500;
      sendJson(res, status, { errors: [{ message: status === 500 ? "Erreur interne du sous-graphe." : (error as Error).message }] });
      if (status === 500) observability.logger.error({ err: error }, "request failed");
    }
  };
  // the handler answers every error itself; what escapes it (a failed answer) ends the connection
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      observability.logger.error({ err: error }, "answer failed");
      res.destroy();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    database,
    stats: () => ({ requests, sqlStatements: sqlCount() }),
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
      await database.dataSource.destroy();
    },
  };
}
