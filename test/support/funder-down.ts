import { DEFAULT_RESPONSE_CACHE } from "../../gateway/response-cache";

/**
 * startTestHub options with one funder subgraph unreachable (nothing listens on the discard port),
 * a short subgraph timeout and no response cache: how the tests see a figure with a funder down.
 */
export const withFunderDown = (subgraph: string) => ({
  subgraphUrls: { [subgraph]: "http://127.0.0.1:9/graphql" },
  limits: { subgraphTimeoutMs: 2_000 },
  speed: { responseCache: { ...DEFAULT_RESPONSE_CACHE, ttlMs: 0 } },
});
