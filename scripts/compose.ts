/**
 * `npm run compose`: regenerates schema/subgraphs/*.graphql and schema/supergraph.graphql, and
 * the deployment files (docker-compose.yml, deploy/hive-router.config.yaml) from the registry.
 */
import fs from "node:fs";
import path from "node:path";
import { readRegistry, schemaDir } from "../subgraphs/platform/federation/registry";
import { buildSchemaArtifacts } from "./compose-lib";
import { BUILT_SUBGRAPH_NAMES } from "../subgraphs/registry";
import { deploymentFiles, writeDeploymentFiles } from "./deploy/deployment-files";

async function main() {
  const registry = readRegistry();
  const deployment = deploymentFiles(registry, BUILT_SUBGRAPH_NAMES);
  const { subgraphs, composed } = await buildSchemaArtifacts(registry);
  for (const entry of registry) {
    const sdl = subgraphs.find((s) => s.name === entry.name)?.sdl;
    if (sdl === undefined) throw new Error(`Pas de SDL construit pour le sous-graphe « ${entry.name} ».`);
    fs.mkdirSync(path.dirname(entry.schemaFile), { recursive: true });
    fs.writeFileSync(entry.schemaFile, sdl);
  }
  if (!composed.ok) {
    console.error("La composition du supergraphe a échoué :\n" + composed.errors.map((e) => `  - ${e}`).join("\n"));
    process.exit(1);
  }
  fs.writeFileSync(path.join(schemaDir(), "supergraph.graphql"), composed.supergraphSdl);
  writeDeploymentFiles(process.cwd(), deployment);
  console.log(
    `Supergraphe composé à partir de ${registry.length} sous-graphes : schema/supergraph.graphql, ${Object.keys(deployment).join(", ")}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
