/**
 * Registering a scaffolded subgraph: one entry in schema/supergraph.yaml (what a partner's own
 * subgraph needs), and, since this one is built in this repository, its module in
 * FUNDER_SUBGRAPHS of subgraphs/registry.ts (what compose, start and the tests run).
 * docker-compose.yml and the router's configuration follow from these at `npm run compose`.
 */
import YAML from "yaml";
import { Names } from "./names";

/**
 * Adds the subgraph's entry before the hub's (the registry's order is the order of names), as one
 * structured edit of the YAML document: its comments and layout stay as they are.
 */
export function registerInSupergraphYaml(yaml: string, n: Names): string {
  const doc = YAML.parseDocument(yaml);
  const subgraphs = doc.get("subgraphs");
  if (doc.errors.length > 0 || !YAML.isMap(subgraphs)) {
    throw new Error("schema/supergraph.yaml n'a pas la forme attendue (clé subgraphs) : ajoutez l'entrée à la main.");
  }
  const entry = doc.createPair(n.name, {
    routing_url: `http://127.0.0.1:${n.port}/graphql`,
    schema: { file: `./subgraphs/${n.name}.graphql` },
  });
  const hub = subgraphs.items.findIndex((pair) => YAML.isScalar(pair.key) && pair.key.value === "hub");
  subgraphs.items.splice(hub === -1 ? subgraphs.items.length : hub, 0, entry);
  return doc.toString();
}

/** Imports the module and appends it to FUNDER_SUBGRAPHS. */
export function registerInSubgraphRegistry(source: string, n: Names): string {
  const list = /(export const FUNDER_SUBGRAPHS\b[^=]*=\s*\[)([^\]]*)\]/;
  const imports = [...source.matchAll(/^import .* from "\.\/[^"]+";$/gm)];
  if (!list.test(source) || imports.length === 0) {
    throw new Error("subgraphs/registry.ts n'a pas la forme attendue (FUNDER_SUBGRAPHS) : ajoutez le module à la main.");
  }
  const hubImport = imports.find((m) => m[0].includes('"./hub"'));
  const at = hubImport ? hubImport.index : imports[imports.length - 1].index + imports[imports.length - 1][0].length + 1;
  const line = `import { ${n.moduleConst} } from "./${n.name}";\n`;
  const withImport = source.slice(0, at) + line + source.slice(at);
  return withImport.replace(list, (_all, head: string, items: string) => {
    const modules = [
      ...items
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
      n.moduleConst,
    ];
    // one per line with a trailing comma when the list is laid out so (Prettier's layout), else on one line
    return items.includes("\n") ? `${head}\n${modules.map((m) => `  ${m},\n`).join("")}]` : `${head}${modules.join(", ")}]`;
  });
}
