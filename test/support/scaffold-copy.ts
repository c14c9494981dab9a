/**
 * A copy of the repository under .tmp/ (git-ignored) for the scaffold's end-to-end tests: what
 * the scaffold edits (schema/, subgraphs/registry.ts) is copied, the rest linked, so that the
 * generated code's `../platform/…` and `../domain/…` imports resolve to the real modules (one
 * instance of each). The real tree is never written.
 */
import fs from "node:fs";
import path from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { discoverContributions } from "../../subgraphs/domain/federation/contributions";
import { hubSubgraph } from "../../subgraphs/registry";
import { SubgraphModule, startSubgraph } from "../../subgraphs/platform/server/subgraph-module";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { buildSchemaArtifacts } from "../../scripts/compose-lib";
import { runSubgraphNew } from "../../scripts/subgraph-new";
import { readSubgraphConfig, startOptionsOf } from "../../subgraphs/platform/server/subgraph-config";
import { DatabaseConfig } from "../../subgraphs/platform/config";
import { startGateway } from "../../gateway/server";
import { readGatewayConfig } from "../../gateway/config";
import { authEnv, gatewayPlacesEnv, runnerEnv, servicesEnv } from "./config-env";
import { TestAuth } from "./auth";

export const REPO = path.resolve(__dirname, "../..");

export function copyRepository(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, "subgraphs"), { recursive: true });
  fs.mkdirSync(path.join(root, "test", "e2e"), { recursive: true });
  fs.cpSync(path.join(REPO, "schema"), path.join(root, "schema"), { recursive: true });
  fs.copyFileSync(path.join(REPO, "subgraphs", "registry.ts"), path.join(root, "subgraphs", "registry.ts"));
  for (const entry of fs.readdirSync(path.join(REPO, "subgraphs"), { withFileTypes: true })) {
    if (entry.isDirectory()) fs.symlinkSync(path.join(REPO, "subgraphs", entry.name), path.join(root, "subgraphs", entry.name), "dir");
  }
  fs.symlinkSync(path.join(REPO, "test", "support"), path.join(root, "test", "support"), "dir");
  fs.symlinkSync(path.join(REPO, "gateway"), path.join(root, "gateway"), "dir");
  fs.symlinkSync(path.join(REPO, "fixtures"), path.join(root, "fixtures"), "dir");
}

/** `npm run subgraph:new -- <args> --root <root>`, its exit code and output. */
export function scaffoldInto(root: string, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = runSubgraphNew([...args, "--root", root], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, REPO);
  return { code, stdout, stderr };
}

/** The copy's funders, as its registry.ts lists them (the scaffolded ones included). */
export function copiedFunders(root: string): readonly SubgraphModule[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module the scaffold wrote during the test, loaded through jest's transform
  return (require(path.join(root, "subgraphs", "registry.ts")) as { FUNDER_SUBGRAPHS: readonly SubgraphModule[] }).FUNDER_SUBGRAPHS;
}

/**
 * What `npm run compose` does in the copy: the scaffolded subgraphs' SDL files, then every SDL and,
 * when it composes, the supergraph file (schema/supergraph.graphql of the copy).
 */
export async function composeCopy(root: string, scaffolded: readonly string[]) {
  const registry = readRegistry(path.join(root, "schema", "supergraph.yaml"));
  for (const name of scaffolded) {
    const module = copiedFunders(root).find((m) => m.name === name)!;
    fs.writeFileSync(registry.find((s) => s.name === name)!.schemaFile, printSubgraphSchema(await module.buildSchema()));
  }
  const artifacts = await buildSchemaArtifacts(registry);
  const supergraphFile = path.join(root, "schema", "supergraph.graphql");
  if (artifacts.composed.ok) fs.writeFileSync(supergraphFile, artifacts.composed.supergraphSdl);
  return { ...artifacts, supergraphFile };
}

/**
 * The hub (its contributions discovered from the composed funders) then every funder of the copy, on
 * free ports, each configured by the production reader (readSubgraphConfig).
 */
export async function startCopiedSubgraphs(
  root: string,
  composed: Awaited<ReturnType<typeof composeCopy>>,
  settings: { database: DatabaseConfig; auth: TestAuth },
): Promise<Record<string, SubgraphServer>> {
  const env = servicesEnv(settings.auth, settings.database);
  const servers: Record<string, SubgraphServer> = {};
  const funders = composed.subgraphs.filter((s) => s.name !== "hub").map(({ name, sdl }) => ({ name, sdl }));
  // the hub first: the funders' writes tell its structure directory the SIRETs they record
  servers.hub = await startSubgraph(
    hubSubgraph(() => discoverContributions(funders)),
    startOptionsOf(readSubgraphConfig("hub", env), null),
  );
  for (const module of copiedFunders(root)) {
    const config = readSubgraphConfig(module.name, { ...env, SUBGRAPH_URL_HUB: servers.hub.url });
    servers[module.name] = await startSubgraph(module, startOptionsOf(config, null));
  }
  return servers;
}

/**
 * A gateway on a supergraph file and the given subgraphs, its configuration read by the production
 * reader (readGatewayConfig): the response cache as configured by default, or off with `uncached`.
 */
export function startGatewayOn(supergraphFile: string, servers: Record<string, SubgraphServer>, auth: TestAuth, uncached = false) {
  const urls = Object.fromEntries(Object.entries(servers).map(([name, s]) => [name, s.url]));
  return startGateway(
    readGatewayConfig({
      ...runnerEnv(),
      ...authEnv(auth),
      ...gatewayPlacesEnv(supergraphFile, urls),
      ...(uncached ? { RESPONSE_CACHE_TTL_MS: "0" } : {}),
    }),
  );
}
