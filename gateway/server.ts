import http from "node:http";
import { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { createGatewayRuntime, GatewayRuntime, usePrometheus } from "@graphql-hive/gateway";
import { unifiedGraphHandler as rustQueryPlanner } from "@graphql-hive/router-runtime";
import { GatewayConfig } from "./config";
import { jwtPlugin } from "./auth";
import { useCsrfPrevention } from "./csrf";
import { securityPlugins } from "./security";
import { writeRateLimitStore } from "./write-rate-limit";
import { GRAPHIQL_DEFAULT_QUERY, GRAPHIQL_DEFAULT_TABS } from "./graphiql";
import { renderHubGraphiQL } from "./graphiql-page";
import { findRoute, GATEWAY_ROUTES, GatewayRoute } from "./routes";
import { supergraphFromFile } from "./supergraph-file";
import { cacheStore, responseCachePlugins } from "./response-cache";
import { ScopedStore } from "./scoped-store";
import { startMetricsServer } from "./metrics-server";
import { useOperationMetrics } from "./operation-metrics";
import { useSyncHmacSignature } from "./hmac-signing";
import { Registry } from "prom-client";

/**
 * The HTTP executor's in-flight deduplication is off. Its key holds every header, and each subgraph
 * call carries its request's own x-request-id, so it never joins two client requests; it only
 * deep-copies (structuredClone) every subgraph answer, ~17 ms per uncached RegionDashboard at
 * national scale (bench/RESULTS.md). Joining requests across clients would also be unsafe: a read
 * sent after an acknowledged write could get the answer of a call that started before it.
 */
const SUBGRAPH_TRANSPORT_OPTIONS = { deduplicateInflightRequests: false };

/** How long a replaced supergraph is kept for the operations still running on it. */
const SCHEMA_DRAIN_TIMEOUT_MS = 60_000;

export interface RunningGateway {
  url: string;
  port: number;
  runtime: GatewayRuntime;
  /** What it was started with (a replica of it starts from the same). */
  config: GatewayConfig;
  /** Prometheus metrics: on METRICS_PORT when set, else /metrics of the public port. */
  metricsUrl: string;
  stop(): Promise<void>;
}

/** Builds the Hive Gateway runtime (no side effect: nothing listens). */
export function createGateway(config: GatewayConfig, cache: ScopedStore, registry: Registry): GatewayRuntime {
  // the write counts live as long as the gateway, outside the plugin factory
  const writeLimitStore = writeRateLimitStore();
  return createGatewayRuntime({
    // Re-read at each polling interval: a new composed supergraph is served without a restart,
    // a broken one is refused and the last good one keeps serving (gateway/supergraph-file.ts).
    supergraph: supergraphFromFile(config.supergraphFile),
    // Hive Router's query planner (Rust, through a Node addon): faster plans and execution than the
    // JavaScript planner, same answers (bench/RESULTS.md). GATEWAY_QUERY_PLANNER=js falls back.
    ...(config.queryPlanner === "rust" ? { unifiedGraphHandler: rustQueryPlanner } : {}),
    pollingInterval: config.pollingIntervalMs || undefined,
    // Operations in flight when the supergraph changes finish on the schema they started with.
    gracefulSchemaReload: { drainTimeout: SCHEMA_DRAIN_TIMEOUT_MS },
    transportEntries: Object.fromEntries(
      Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location, options: SUBGRAPH_TRANSPORT_OPTIONS }]),
    ),
    // GraphiQL from the locally installed bundle: partners' networks are often closed to CDNs
    // (its editors seeded from the tabs: gateway/graphiql-page.ts says why).
    renderGraphiQL: renderHubGraphiQL,
    graphiql: {
      title: "1000 premiers jours — graphe des financements",
      defaultQuery: GRAPHIQL_DEFAULT_QUERY,
      defaultTabs: GRAPHIQL_DEFAULT_TABS,
    },
    landingPage: false,
    // (cast: the plugin is typed against a sibling copy of the gateway-runtime types)
    plugins: () => [
      // Subgraphs answer only requests signed with the shared secret: Hive Gateway's HMAC signature,
      // computed synchronously (gateway/hmac-signing.ts says why it replaces the `hmacSignature` option).
      useSyncHmacSignature(config.auth.hmacSecret),
      // CSRF prevention: a GET, or a POST a browser sends cross-site without preflight, needs a header.
      useCsrfPrevention() as never,
      jwtPlugin(config.auth) as never,
      ...(securityPlugins(config.limits, writeLimitStore) as never[]),
      // After the limits (a refused query is never cached) and before execution.
      // (a read joining another's computation waits for it at most the time a plan of three
      // sequential subgraph calls may take before it times out)
      ...(responseCachePlugins(config.responseCache, cache, registry, 3 * config.limits.subgraphTimeoutMs) as never[]),
      // Prometheus on /metrics: requests, errors and latency per subgraph call, and per operation of
      // the contract (gateway/operation-metrics.ts). Labels a client controls are off: the operation
      // name (any name it likes: unbounded series) and the URL (its query string on GET; the
      // subgraphs' internal addresses on the fetch metric).
      // (its own registry: the plugin clears its registry when the gateway stops)
      usePrometheus({
        endpoint: "/metrics",
        metrics: true,
        labels: { subgraphName: true, operationName: false, url: false },
        registry,
      } as never) as never,
      useOperationMetrics(registry) as never,
    ],
    // The request id (x-request-id, made by the gateway when the client sends none) follows the
    // request into every subgraph, so one search finds a request in every service's logs.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ "x-request-id": request.headers.get("x-request-id") ?? "" }),
    },
    // Public endpoint hardening: no batched arrays, errors masked (the log keeps the original),
    // subgraph calls bounded so the others' data still comes back (CSRF: gateway/csrf.ts, above).
    batching: false,
    maskedErrors: true,
    upstreamTimeout: config.limits.subgraphTimeoutMs,
    // gzip/deflate answers for clients that accept them (a national dashboard weighs megabytes);
    // calls to the subgraphs stay uncompressed (internal network, CPU better spent elsewhere).
    contentEncoding: config.compression,
    logging: config.logLevel === "debug" ? "debug" : "warn",
  });
}

const refuse = (res: http.ServerResponse, status: number, message: string, code: string) =>
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" })
    .end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));

/**
 * Refuses a body over the limit before reading it; a POST must state its length and come
 * uncompressed (a small compressed body could inflate far past the limit once read).
 */
function bodySizeAccepted(req: http.IncomingMessage, res: http.ServerResponse, maxBytes: number): boolean {
  const encoding = req.headers["content-encoding"];
  if (encoding && encoding !== "identity") {
    refuse(
      res,
      415,
      `Corps compressé refusé (Content-Encoding: ${encoding}) : envoyez la requête sans compression.`,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    return false;
  }
  const length = Number(req.headers["content-length"]);
  if (req.headers["content-length"] === undefined || !Number.isFinite(length)) {
    refuse(res, 411, "La longueur du corps (Content-Length) est requise.", "LENGTH_REQUIRED");
    return false;
  }
  if (length > maxBytes) {
    refuse(res, 413, `Requête trop volumineuse : ${maxBytes} octets au plus.`, "PAYLOAD_TOO_LARGE");
    return false;
  }
  return true;
}

export async function startGateway(config: GatewayConfig, routes: readonly GatewayRoute[] = GATEWAY_ROUTES): Promise<RunningGateway> {
  const cache = cacheStore(config.responseCache);
  const registry = new Registry();
  const runtime = createGateway(config, cache, registry);
  let graphqlUrl = "";
  const metrics = config.metricsPort == null ? null : await startMetricsServer(registry, config.metricsPort, config.host);
  const server = http.createServer((req, res) => {
    if (req.method === "POST" && !bodySizeAccepted(req, res, config.limits.maxBodyBytes)) return;
    const pathname = new URL(req.url ?? "/", "http://gateway").pathname;
    if (metrics && pathname === "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Introuvable.");
      return;
    }
    const requestId =
      typeof req.headers["x-request-id"] === "string" && /^[\w.-]{1,100}$/.test(req.headers["x-request-id"])
        ? req.headers["x-request-id"]
        : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    const route = findRoute(routes, req.method, pathname);
    if (!route) {
      void runtime(req, res);
      return;
    }
    Promise.resolve(route.handle(req, res, { graphqlUrl })).catch((error: unknown) => {
      console.error("[gateway] route", req.url, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Erreur interne.");
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  graphqlUrl = `http://${config.host}:${port}/graphql`;
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    runtime,
    config,
    metricsUrl: metrics?.url ?? `http://${config.host}:${port}/metrics`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await runtime.dispose();
      await cache.close();
      await metrics?.stop();
    },
  };
}
