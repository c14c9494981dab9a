import "reflect-metadata";
import { printSubgraphSchema } from "@apollo/subgraph";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../subgraphs/registry";
import { discoverContributions } from "../subgraphs/domain/federation/contributions";
import { RegisteredSubgraph } from "../subgraphs/platform/federation/registry";
import { composeSupergraph, SubgraphSdl } from "../gateway/composition";
import fs from "node:fs";

/**
 * What `npm run compose` produces, computed in memory: the SDL of every subgraph built here, the
 * hub's (whose @requires follow the funders' contributions), and the composed supergraph.
 * Registered subgraphs not built here (a partner's) are read from their SDL file.
 */
export async function buildSchemaArtifacts(registry: readonly RegisteredSubgraph[]) {
  const built = new Map<string, string>();
  for (const module of FUNDER_SUBGRAPHS) built.set(module.name, printSubgraphSchema(await module.buildSchema()));
  const sdlOf = (s: RegisteredSubgraph) => built.get(s.name) ?? fs.readFileSync(s.schemaFile, "utf8");
  const funders = registry.filter((s) => s.name !== "hub").map((s) => ({ name: s.name, sdl: sdlOf(s) }));
  const hub = hubSubgraph(() => discoverContributions(funders));
  built.set(hub.name, printSubgraphSchema(await hub.buildSchema()));
  const subgraphs: SubgraphSdl[] = registry.map((s) => ({ name: s.name, url: s.routingUrl, sdl: sdlOf(s) }));
  return { subgraphs, composed: composeSupergraph(subgraphs) };
}
