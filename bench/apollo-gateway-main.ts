/**
 * The peer: @apollo/gateway with Apollo Server's standalone server, as a user would set it up,
 * serving the same supergraph (BENCH_SUPERGRAPH_FILE, subgraph URLs rewritten to the running
 * ones). Its subgraph requests are signed like Hive Gateway's, since the subgraphs require it.
 */
import fs from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { signRequest } from "../gateway/router-signer/server";
import { serveChild } from "./child";

class SignedDataSource extends RemoteGraphQLDataSource {
  override willSendRequest({ request }: Parameters<NonNullable<RemoteGraphQLDataSource["willSendRequest"]>>[0]): void {
    const secret = process.env.HUB_HMAC_SECRET ?? "";
    request.extensions = {
      ...request.extensions,
      "hmac-signature": signRequest(secret, { query: request.query, variables: request.variables }),
    };
  }
}

serveChild("@apollo/gateway", async () => {
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(process.env.BENCH_SUPERGRAPH_FILE ?? "", "utf8"),
    buildService: ({ url }) => new SignedDataSource({ url }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url: new URL("/graphql", url).toString(), stop: () => server.stop() };
});
