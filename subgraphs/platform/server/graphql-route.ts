import http from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { AuthConfig } from "../auth/config";
import { Actor } from "../auth/organisation";
import { createGatewayRequestVerifier, UnauthorizedRequest } from "../auth/gateway-request";
import { collectWriteChanges, WRITE_CHANGES_EXTENSION, WriteChanges } from "../cache/write-changes";
import { Observability } from "./observability";
import { readJsonBody, sendJson } from "./http-json";

interface GraphQLRouteOptions<Context extends object> {
  apollo: ApolloServer<Context>;
  /** Builds the per-request context: fresh DataLoaders for every request, never shared. */
  createContext: (actor: Actor | null) => Context;
  /** Gateway signature and token verification; every GraphQL request must pass it. */
  auth: AuthConfig;
  observability: Observability;
  /** SQL statements run since start: the log line gives each request its share. */
  sqlCount: () => number;
  maxBodyBytes: number;
}

/**
 * The /graphql route: the gateway's signature checked before anything runs, the operation executed
 * by Apollo Server, what its committed writes changed appended for the gateway's response cache, and
 * one log line and metric per request. Body errors (BodyError) are left to the caller's handler.
 */
export function createGraphQLRoute<Context extends object>(options: GraphQLRouteOptions<Context>) {
  const { apollo, observability } = options;
  const verifyGatewayRequest = createGatewayRequestVerifier(options.auth);

  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const startedAt = process.hrtime.bigint();
    const sqlBefore = options.sqlCount();
    const requestId = observability.requestId(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const body = await readJsonBody(req, options.maxBodyBytes);
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
    const { value: result, changes } = await collectWriteChanges(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers: headerMapOf(req), search: url.search, body },
        context: () => Promise.resolve(options.createContext(actor)),
      }),
    );
    res.statusCode = result.status ?? 200;
    // what Apollo Server's cache control sent before it was turned off (subgraph-apollo.ts)
    res.setHeader("cache-control", "no-store");
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (result.body.kind === "complete") {
      if (result.body.string.includes('"errors":[')) res.setHeader("x-has-errors", "1");
      res.end(changes ? withWriteChanges(result.body.string, changes) : result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
}

function headerMapOf(req: http.IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** What the request's committed writes changed, for the gateway's response cache (subgraphs/platform/cache/write-changes.ts). */
function withWriteChanges(body: string, changes: WriteChanges): string {
  const response = JSON.parse(body) as { extensions?: Record<string, unknown> };
  response.extensions = { ...response.extensions, [WRITE_CHANGES_EXTENSION]: changes };
  return JSON.stringify(response);
}

/** The client's operation name (the gateway forwards it), for logs and metrics. */
function operationName(body: unknown): string {
  const params = (body ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof params.operationName === "string" && params.operationName) return params.operationName.slice(0, 100);
  const match = typeof params.query === "string" ? /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(params.query) : null;
  return match ? match[1] : "anonymous";
}
