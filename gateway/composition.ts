import fs from "node:fs";
import { composeServices } from "@theguild/federation-composition";
import { parse } from "graphql";
import { RegisteredSubgraph } from "../subgraphs/platform/federation/registry";

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export type ComposeResult = { ok: true; supergraphSdl: string; publicSdl: string } | { ok: false; errors: string[] };

/** Composes Federation 2 subgraphs into a supergraph with The Guild's composition (MIT). */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): ComposeResult {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl };
}

export const readSubgraphSdls = (registry: readonly RegisteredSubgraph[]): SubgraphSdl[] =>
  registry.map((s) => ({ name: s.name, url: s.routingUrl, sdl: fs.readFileSync(s.schemaFile, "utf8") }));
