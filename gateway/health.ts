import type { GatewayRoute } from "./routes";

const json = (res: import("node:http").ServerResponse, status: number, body: object): void =>
  void res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));

/**
 * The same probes as every subgraph: /health (the process answers) and /ready (Hive Gateway has a
 * supergraph loaded and can serve: its own /readiness, asked over loopback).
 */
export function healthRoutes(): GatewayRoute[] {
  return [
    { method: "GET", path: "/health", handle: (_req, res) => json(res, 200, { status: "ok", service: "gateway" }) },
    {
      method: "GET",
      path: "/ready",
      async handle(_req, res, { graphqlUrl }) {
        try {
          const readiness = await fetch(new URL("/readiness", graphqlUrl), { signal: AbortSignal.timeout(2_000) });
          json(res, readiness.ok ? 200 : 503, { status: readiness.ok ? "ready" : "not ready", service: "gateway" });
        } catch {
          json(res, 503, { status: "not ready", service: "gateway" });
        }
      },
    },
  ];
}
