import http from "node:http";
import { AddressInfo } from "node:net";
import { Registry } from "prom-client";

export interface MetricsServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The gateway's Prometheus metrics (Hive Gateway's and ours, in the gateway's registry) on a
 * port of their own, reachable from the internal network only: the public port then answers
 * 404 on /metrics, so operation names and subgraph latencies stay inside.
 */
export async function startMetricsServer(registry: Registry, port: number, host: string): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || new URL(req.url ?? "/", "http://metrics").pathname !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Introuvable.");
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
      (error: unknown) =>
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/metrics`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
