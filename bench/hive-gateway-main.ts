/**
 * Our gateway (gateway/server.ts, configured from the environment exactly as in production), in
 * its own process. BENCH_GATEWAY_VARIANT tries Hive Gateway's speed options on top of it without
 * touching gateway/ (comma-separated): `jit` adds the JIT plugin (@graphql-mesh/plugin-jit),
 * `router-runtime` plans and executes with Hive Router's Rust query planner (@graphql-hive/router-runtime).
 */
import { serveChild } from "./child";

type RuntimeConfig = { plugins?: (context: unknown) => unknown[]; [option: string]: unknown };
const OPTIONS: Record<string, (config: RuntimeConfig) => RuntimeConfig> = {
  jit: (config) => {
    const { useJIT } = require("@graphql-mesh/plugin-jit");
    return { ...config, plugins: (context) => [...(config.plugins?.(context) ?? []), useJIT()] };
  },
  "router-runtime": (config) => ({ ...config, unifiedGraphHandler: require("@graphql-hive/router-runtime").unifiedGraphHandler }),
};

function withVariant(variant: string): void {
  const options = variant.split("+").filter(Boolean).map((name) => {
    if (!OPTIONS[name]) throw new Error(`Option inconnue : ${name} (${Object.keys(OPTIONS).join(", ")})`);
    return OPTIONS[name];
  });
  if (!options.length) return;
  // gateway/server.ts calls createGatewayRuntime from this module: give it one that adds the options.
  const modulePath = require.resolve("@graphql-hive/gateway");
  const original = require(modulePath);
  require.cache[modulePath]!.exports = {
    ...original,
    createGatewayRuntime: (config: RuntimeConfig) => original.createGatewayRuntime(options.reduce((c, option) => option(c), config)),
  };
}

serveChild("passerelle", async () => {
  withVariant(process.env.BENCH_GATEWAY_VARIANT ?? "");
  const { readGatewayConfig } = await import("../gateway/config");
  const { startGateway } = await import("../gateway/server");
  const gateway = await startGateway(readGatewayConfig());
  return { url: gateway.url, stop: () => gateway.stop() };
});
