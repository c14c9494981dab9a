import { portOfRoutingUrl, RegisteredSubgraph } from "../../subgraphs/platform/federation/registry";

/** A subgraph as the deployment files name it: its service name and the port it listens on. */
export interface ComposeSubgraph {
  name: string;
  port: number;
}

/** The signing hop's port in docker-compose.yml (the router reaches the subgraphs through it). */
export const SIGNER_PORT = 4090;

/**
 * The registered subgraphs this repository builds (a partner's own runs elsewhere), in the
 * registry's order, each on the port of its routing URL.
 */
export function composeSubgraphs(registry: readonly RegisteredSubgraph[], built: ReadonlySet<string>): ComposeSubgraph[] {
  return registry
    .filter((s) => built.has(s.name))
    .map((s) => {
      const port = portOfRoutingUrl(s.routingUrl);
      if (port === null)
        throw new Error(`schema/supergraph.yaml : la routing_url de « ${s.name} » doit donner son port (${s.routingUrl}).`);
      return { name: s.name, port };
    });
}
