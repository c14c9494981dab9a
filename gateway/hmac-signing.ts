/**
 * The upstream signature every subgraph verifies (subgraphs/platform/auth/gateway-request.ts):
 * base64 of HMAC-SHA256, keyed by the shared secret, of Hive Gateway's own serialisation of the
 * subgraph call (the stable JSON of {query, variables}), in extensions["hmac-signature"].
 *
 * Why not Hive Gateway's `hmacSignature` option: its plugin signs with Web Crypto
 * (crypto.subtle.sign), asynchronous on Node's thread pool, once per subgraph call; the profile
 * measured 32–84 ms of waiting per request (bench/RESULTS.md) for a computation node:crypto does
 * synchronously in microseconds. Same serialisation, same key, same header format: a subgraph cannot
 * tell the two apart (hmac-signing.test.ts beside this file compares them body by body).
 *
 * The stable JSON is written by fast-json-stable-stringify (what the subgraphs verify with) rather
 * than Hive's serialiser (json-stable-stringify): the same string, ~2.5× faster on the large
 * entity batches of a regional dashboard (the test checks the two agree on arbitrary variables).
 */
import crypto from "node:crypto";
import stableStringify from "fast-json-stable-stringify";
import type { GatewayPlugin } from "@graphql-hive/gateway";
import { serializeExecutionRequest } from "@graphql-tools/executor-common";
import type { ExecutionRequest } from "@graphql-tools/utils";

export const HMAC_EXTENSION = "hmac-signature";

/** What is signed: the stable JSON of the call's {query, variables}, as Hive Gateway serialises it. */
export function signedText(executionRequest: ExecutionRequest): string {
  const variables = executionRequest.variables as Record<string, unknown> | undefined;
  const body: unknown = serializeExecutionRequest({ executionRequest: { document: executionRequest.document, variables } });
  return stableStringify(body);
}

/** The signature of one subgraph call, as Hive Gateway's plugin computes it. */
export function signExecutionRequest(secret: string, executionRequest: ExecutionRequest): string {
  return crypto.createHmac("sha256", secret).update(signedText(executionRequest)).digest("base64");
}

/** Signs every subgraph call synchronously (in place of Hive Gateway's `hmacSignature`). */
export function useSyncHmacSignature(secret: string): GatewayPlugin {
  if (!secret) throw new Error("La signature des appels aux sous-graphes demande un secret (HUB_HMAC_SECRET).");
  return {
    onSubgraphExecute({ executionRequest }) {
      executionRequest.extensions = { ...executionRequest.extensions, [HMAC_EXTENSION]: signExecutionRequest(secret, executionRequest) };
    },
  };
}
