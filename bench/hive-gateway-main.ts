/**
 * Our gateway (gateway/server.ts, configured from the environment exactly as in production), in
 * its own process. BENCH_GATEWAY_VARIANT changes it without touching gateway/ (options joined
 * with "+"): `no-cache` turns the response cache off, `js-planner` plans with the JavaScript
 * query planner instead of Hive Router's Rust one, `jit` adds the JIT plugin (@graphql-mesh/plugin-jit), `profile` times each phase (bench/gateway-timings.ts),
 * `no-plugins` measures the gateway without any plugin of ours, `webcrypto-hmac` signs the subgraph
 * calls with Hive Gateway's own plugin (Web Crypto, asynchronous) instead of gateway/hmac-signing.ts.
 */
import { serveChild } from "./child";
import { gatewayTimingsPlugin } from "./gateway-timings";
import { installProcessTimings, processTimings } from "./process-timings";

type RuntimeConfig = { plugins?: (context: unknown) => unknown[]; [option: string]: unknown };
const OPTIONS: Partial<Record<string, (config: RuntimeConfig) => RuntimeConfig>> = {
  jit: (config) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by the jit variant only
    const { useJIT } = require("@graphql-mesh/plugin-jit");
    return { ...config, plugins: (context) => [...(config.plugins?.(context) ?? []), useJIT()] };
  },
  // The profile scenario's phase timings (bench/gateway-timings.ts), after the production plugins.
  profile: (config) => ({ ...config, plugins: (context) => [...(config.plugins?.(context) ?? []), gatewayTimingsPlugin()] }),
  // What our own plugins (JWT, limits, metrics, error scrubbing, response cache) cost: none of them.
  "no-plugins": (config) => ({ ...config, plugins: () => [] }),
  // The signing before the synchronous cut: Hive Gateway's option (its plugin is left out below).
  "webcrypto-hmac": (config) => ({ ...config, hmacSignature: { secret: process.env.HUB_HMAC_SECRET ?? "" } }),
};
/** Options that are settings of the production configuration: set through its environment. */
const ENVIRONMENT: Partial<Record<string, Record<string, string>>> = {
  "no-cache": { RESPONSE_CACHE_TTL_MS: "0" },
  "js-planner": { GATEWAY_QUERY_PLANNER: "js" },
  profile: { BENCH_PROFILE: "1" },
};

function withVariant(variant: string): void {
  const names = variant.split("+").filter(Boolean);
  for (const name of names) {
    if (!OPTIONS[name] && !ENVIRONMENT[name])
      throw new Error(`Option inconnue : ${name} (${[...Object.keys(ENVIRONMENT), ...Object.keys(OPTIONS)].join(", ")})`);
    Object.assign(process.env, ENVIRONMENT[name] ?? {});
  }
  if (names.includes("webcrypto-hmac")) withoutSyncSigning();
  const options = names.flatMap((name) => OPTIONS[name] ?? []);
  if (!options.length) return;
  // gateway/server.ts calls createGatewayRuntime from this module: give it one that adds the options.
  const modulePath = require.resolve("@graphql-hive/gateway");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- its CommonJS module object is replaced in require.cache below
  const original = require(modulePath);
  require.cache[modulePath]!.exports = {
    ...original,
    createGatewayRuntime: (config: RuntimeConfig) => original.createGatewayRuntime(options.reduce((c, option) => option(c), config)),
  };
}

/** gateway/server.ts's synchronous signing turned into a plugin that does nothing (Hive's signs instead). */
function withoutSyncSigning(): void {
  const modulePath = require.resolve("../gateway/hmac-signing");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- its CommonJS module object is replaced in require.cache below
  const original = require(modulePath);
  require.cache[modulePath]!.exports = { ...original, useSyncHmacSignature: () => ({}) };
}

serveChild(`passerelle${process.env.BENCH_GATEWAY_VARIANT ? `-${process.env.BENCH_GATEWAY_VARIANT}` : ""}`, async () => {
  withVariant(process.env.BENCH_GATEWAY_VARIANT ?? "");
  installProcessTimings();
  const { readGatewayConfig } = await import("../gateway/config");
  const { startGateway } = await import("../gateway/server");
  const gateway = await startGateway(readGatewayConfig());
  return { url: gateway.url, stats: processTimings, stop: () => gateway.stop() };
});
