/**
 * Our gateway (gateway/server.ts, configured from the environment exactly as in production), in
 * its own process. BENCH_GATEWAY_VARIANT tries one of Hive Gateway's speed options on top of it
 * without touching gateway/: `jit` adds the JIT plugin (@graphql-mesh/plugin-jit) to its plugins.
 */
import { serveChild } from "./child";

function withVariant(variant: string): void {
  if (!variant) return;
  if (variant !== "jit") throw new Error(`Variante inconnue : ${variant}`);
  // gateway/server.ts calls createGatewayRuntime from this module: give it a version that adds the plugin.
  const modulePath = require.resolve("@graphql-hive/gateway");
  const original = require(modulePath);
  const { useJIT } = require("@graphql-mesh/plugin-jit");
  require.cache[modulePath]!.exports = {
    ...original,
    createGatewayRuntime: (config: { plugins?: (context: unknown) => unknown[] }) =>
      original.createGatewayRuntime({ ...config, plugins: (context: unknown) => [...(config.plugins?.(context) ?? []), useJIT()] }),
  };
}

serveChild("passerelle", async () => {
  withVariant(process.env.BENCH_GATEWAY_VARIANT ?? "");
  const { readGatewayConfig } = await import("../gateway/config");
  const { startGateway } = await import("../gateway/server");
  const gateway = await startGateway(readGatewayConfig());
  return { url: gateway.url, stop: () => gateway.stop() };
});
