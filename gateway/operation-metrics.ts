import { DocumentNode, getOperationAST } from "graphql";
import { Histogram, Registry } from "prom-client";
import { operationLabel } from "./known-operations";

const METRIC = "hub_graphql_operation_duration_seconds";

/**
 * Duration and count of each executed operation, labelled by the contract's operation names only
 * (gateway/known-operations.ts): Hive's own metrics run without the operation-name label, which
 * takes whatever name a client sends.
 */
export function useOperationMetrics(registry: Registry) {
  const histogram =
    (registry.getSingleMetric(METRIC) as Histogram<"operation" | "operationType" | "result"> | undefined) ??
    new Histogram({
      name: METRIC,
      help: "Durée d'exécution des opérations GraphQL par la passerelle, par opération du contrat (les autres : « autre »).",
      labelNames: ["operation", "operationType", "result"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  return {
    onExecute({ args }: { args: { document: DocumentNode; operationName?: string | null } }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      const labels = { operation: operationLabel(operation?.name?.value), operationType: operation?.operation ?? "inconnu" };
      const started = process.hrtime.bigint();
      return {
        onExecuteDone({ result }: { result: unknown }) {
          const failed = !!(
            result &&
            typeof result === "object" &&
            "errors" in result &&
            (result as { errors?: unknown[] }).errors?.length
          );
          histogram.observe({ ...labels, result: failed ? "error" : "ok" }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
