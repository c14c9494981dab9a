/** The deployment files `npm run compose` writes from the registry, and where they go. */
import fs from "node:fs";
import path from "node:path";
import { RegisteredSubgraph } from "../../subgraphs/platform/federation/registry";
import { composeSubgraphs } from "./compose-subgraphs";
import { dockerComposeFile } from "./docker-compose-file";
import { hiveRouterConfigFile } from "./hive-router-config";

export const DEPLOYMENT_FILES = ["docker-compose.yml", path.join("deploy", "hive-router.config.yaml")] as const;

/** The deployment files' text, from the registry: docker-compose.yml and the router's configuration. */
export function deploymentFiles(registry: readonly RegisteredSubgraph[], built: ReadonlySet<string>): Record<string, string> {
  const subgraphs = composeSubgraphs(registry, built);
  const hub = subgraphs.find((s) => s.name === "hub");
  if (!hub) throw new Error("schema/supergraph.yaml ne déclare pas le hub.");
  return { [DEPLOYMENT_FILES[0]]: dockerComposeFile(subgraphs, hub), [DEPLOYMENT_FILES[1]]: hiveRouterConfigFile(subgraphs) };
}

export function writeDeploymentFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), text);
}
