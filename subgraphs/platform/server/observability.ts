import { randomUUID } from "node:crypto";
import pino from "pino";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { LogLevel } from "../config";

export interface ObservabilitySettings {
  /** Unset: "warn". A subgraph process always sets it: readSubgraphConfig reads LOG_LEVEL, "info" by default. */
  logLevel?: LogLevel;
  /** Node's own metrics (event loop, memory) beside the subgraph's; default off. */
  processMetrics?: boolean;
}

export type Observability = ReturnType<typeof createObservability>;

/**
 * Logs and metrics of one subgraph: JSON logs (pino) carrying the request id the gateway sends in
 * `x-request-id`, and Prometheus metrics on /metrics (requests, errors, latency per operation,
 * SQL statements).
 */
export function createObservability(subgraph: string, sqlCount: () => number, settings: ObservabilitySettings = {}) {
  const logger = pino({ name: subgraph, level: settings.logLevel ?? "warn", base: { service: subgraph } });
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  if (settings.processMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "subgraph_requests_total",
    help: "Requêtes GraphQL servies.",
    labelNames: ["operation", "status"],
    registers: [registry],
  });
  const errors = new Counter({
    name: "subgraph_errors_total",
    help: "Réponses en erreur (statut HTTP >= 400 ou erreurs GraphQL).",
    labelNames: ["operation"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "subgraph_request_duration_seconds",
    help: "Durée des requêtes GraphQL.",
    labelNames: ["operation"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Counter({
    name: "subgraph_sql_statements_total",
    help: "Requêtes SQL exécutées.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sqlCount());
    },
  });

  return {
    logger,
    registry,
    requestId: (header: string | string[] | undefined) =>
      typeof header === "string" && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID(),
    /** Records one GraphQL request; the operation is the client's operation name, or "anonymous". */
    record(entry: { requestId: string; operation: string; status: number; hasErrors: boolean; startedAt: bigint; sqlBefore: number }) {
      const seconds = Number(process.hrtime.bigint() - entry.startedAt) / 1e9;
      requests.inc({ operation: entry.operation, status: String(entry.status) });
      latency.observe({ operation: entry.operation }, seconds);
      if (entry.status >= 400 || entry.hasErrors) errors.inc({ operation: entry.operation });
      logger.info(
        {
          requestId: entry.requestId,
          operation: entry.operation,
          status: entry.status,
          durationMs: Math.round(seconds * 1000),
          sqlStatements: sqlCount() - entry.sqlBefore,
        },
        "graphql request",
      );
    },
  };
}
