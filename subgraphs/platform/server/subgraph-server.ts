import http from "node:http";
import { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { SubgraphDatabase } from "../db/create-data-source";
import { AuthConfig } from "../auth/config";
import { Actor } from "../auth/organisation";
import { createGatewayRequestVerifier, UnauthorizedRequest } from "../auth/gateway-request";
import { createObservability, ObservabilitySettings } from "./observability";
import { collectWriteChanges, WRITE_CHANGES_EXTENSION, WriteChanges } from "../cache/write-changes";

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
}

const MAX_BODY_BYTES = 1_000_000;

/**
 * A subgraph over node:http with Apollo Server's integration API: GraphQL on /graphql, liveness on
 * /health, readiness (database reachable) on /ready.
 */
export async function startSubgraphServer<Context extends object>(options: Options<Context>): Promise<SubgraphServer> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: true,
    // Cache control off: its willResolveField hook makes Apollo Server wrap every field of the schema
    // and call the hook on each field of each answer (thousands on a regional dashboard), for a
    // cache-control header nothing reads (the gateway caches by its own rules). The header it sent
    // (no-store) is kept below.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskUnexpected(options.name, formatted, error),
  });
  await apollo.start();
  const { dataSource } = options.database;
  let requests = 0;
  const observability = createObservability(options.name, () => options.database.sql.count, options.observability);
  const verifyGatewayRequest = createGatewayRequestVerifier(options.auth);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://subgraph");
      if (url.pathname === "/health") {
        sendJson(res, 200, { status: "ok", subgraph: options.name });
        return;
      }
      if (url.pathname === "/ready") {
        try {
          await dataSource.query("SELECT 1");
          sendJson(res, 200, { status: "ready", subgraph: options.name });
        } catch {
          sendJson(res, 503, { status: "database unreachable", subgraph: options.name });
        }
        return;
      }
      if (url.pathname === "/metrics") {
        res.setHeader("content-type", observability.registry.contentType);
        res.end(await observability.registry.metrics());
        return;
      }
      if (url.pathname !== "/graphql") {
        sendJson(res, 404, { error: "not found" });
        return;
      }
      requests++;
      const startedAt = process.hrtime.bigint();
      const sqlBefore = options.database.sql.count;
      const requestId = observability.requestId(req.headers["x-request-id"]);
      res.setHeader("x-request-id", requestId);
      const body = await readJsonBody(req);
      const forwarded = req.headers["x-operation-name"];
      const operation = typeof forwarded === "string" && /^\w{1,100}$/.test(forwarded) ? forwarded : operationName(body);
      res.once("finish", () =>
        observability.record({
          requestId,
          operation,
          status: res.statusCode,
          hasErrors: res.getHeader("x-has-errors") === "1",
          startedAt,
          sqlBefore,
        }),
      );
      let actor: Actor | null;
      try {
        actor = await verifyGatewayRequest(body);
      } catch (error) {
        if (error instanceof UnauthorizedRequest) {
          sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: "UNAUTHENTICATED" } }] });
          return;
        }
        throw error;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const { value: result, changes } = await collectWriteChanges(() =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
          context: () => Promise.resolve(options.createContext(actor)),
        }),
      );
      res.statusCode = result.status ?? 200;
      res.setHeader("cache-control", "no-store");
      for (const [key, value] of result.headers) res.setHeader(key, value);
      if (result.body.kind === "complete") {
        if (result.body.string.includes('"errors":[')) res.setHeader("x-has-errors", "1");
        res.end(changes ? withWriteChanges(result.body.string, changes) : result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
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
    name: options.name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    database: options.database,
    stats: () => ({ requests, sqlStatements: options.database.sql.count }),
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}

/** What the request's committed writes changed, for the gateway's response cache (subgraphs/platform/cache/write-changes.ts). */
function withWriteChanges(body: string, changes: WriteChanges): string {
  const response = JSON.parse(body) as { extensions?: Record<string, unknown> };
  response.extensions = { ...response.extensions, [WRITE_CHANGES_EXTENSION]: changes };
  return JSON.stringify(response);
}

/** Errors a user can act on keep their message; anything else (SQL, bugs) is logged and masked. */
const USER_FACING_CODES = new Set([
  "BAD_USER_INPUT",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "AMOUNT_OUT_OF_RANGE",
]);

function maskUnexpected(subgraph: string, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (USER_FACING_CODES.has(String(formatted.extensions?.code))) return formatted;
  console.error(
    JSON.stringify({
      level: "error",
      service: subgraph,
      msg: "unexpected error",
      error: String((error as { originalError?: unknown } | null | undefined)?.originalError ?? error),
      path: formatted.path,
    }),
  );
  return { message: "Erreur interne du sous-graphe.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** The client's operation name (the gateway forwards it), for logs and metrics. */
function operationName(body: unknown): string {
  const params = (body ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof params.operationName === "string" && params.operationName) return params.operationName.slice(0, 100);
  const match = typeof params.query === "string" ? /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(params.query) : null;
  return match ? match[1] : "anonymous";
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, "Requête trop volumineuse.");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    throw new BodyError(400, "Corps de requête JSON invalide.");
  }
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}
