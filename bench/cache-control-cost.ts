/**
 * What Apollo Server's cache-control plugin costs a subgraph per field, in process and without
 * the network (the profile's timings are too noisy on a loaded machine to show a few ms): one
 * answer of 2 000 entities × 10 fields executed by the same subgraph schema with the plugin on
 * (Apollo Server's default) and off (subgraphs/platform/server/subgraph-apollo.ts), interleaved,
 * median of 6 rounds of 20. Run: `npm run build && swc bench -d dist --copy-files --quiet && node dist/bench/cache-control-cost.js`.
 */
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import gql from "graphql-tag";

const FIELDS = ["id", "siret", "name", "amount", "year", "department", "region", "source", "status", "title"];
const rows = Array.from({ length: 2000 }, (_, i) =>
  Object.fromEntries(FIELDS.map((f) => [f, f === "amount" || f === "year" ? i : `${f} ${i}`])),
);
const typeDefs = gql(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Laureate @key(fields: "id") { id: ID! ${FIELDS.slice(1)
  .map((f) => `${f}: ${f === "amount" ? "Float" : f === "year" ? "Int" : "String"}!`)
  .join(" ")} }
type Query { laureates: [Laureate!]! }`);
const query = `{ laureates { ${FIELDS.join(" ")} } }`;

async function serverWith(cacheControl: boolean): Promise<ApolloServer> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs, resolvers: { Query: { laureates: () => rows } } }),
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(cacheControl ? [] : [ApolloServerPluginCacheControlDisabled()])],
  });
  await server.start();
  return server;
}

async function meanMs(server: ApolloServer, runs: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < runs; i++) await server.executeOperation({ query });
  return (performance.now() - started) / runs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const on = await serverWith(true);
  const off = await serverWith(false);
  await meanMs(on, 20); // warm-up: JIT, document cache
  await meanMs(off, 20);
  const withPlugin: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < 6; round++) {
    withPlugin.push(await meanMs(on, 20));
    without.push(await meanMs(off, 20));
  }
  const [a, b] = [median(withPlugin), median(without)];
  console.log(
    `${rows.length * FIELDS.length} champs : cache-control actif ${a.toFixed(2)} ms, désactivé ${b.toFixed(2)} ms (${(b / a).toFixed(2)}×, ${(((a - b) / (rows.length * FIELDS.length)) * 1000).toFixed(2)} µs par champ)`,
  );
  await Promise.all([on.stop(), off.stop()]);
}

void main();
