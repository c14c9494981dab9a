/**
 * The gateway's copy of the contract's read operations (GraphiQL tabs, dashboard, exports) is the
 * contract, word for word: an operation that drifts from ../shared/contract fails here.
 */
import { Kind, parse, print } from "graphql";
import { CONTRACT_READS, GRAPHIQL_DEFAULT_TABS, GRAPHIQL_EXAMPLES } from "../../gateway/graphiql";
import { EXPLORER_EXAMPLES } from "../../gateway/graphiql-explorer";
import { contractOperations } from "../support/contract";

const reads = contractOperations().filter((o) => o.kind === "query");

test("the gateway holds every read operation of the contract, in its order", () => {
  expect(Object.keys(CONTRACT_READS)).toEqual(reads.map((o) => o.name));
});

test.each(reads.map((o) => [o.name, o.document]))("%s is the contract's text, unchanged", (name, document) => {
  expect(print(parse(CONTRACT_READS[name].document))).toBe(document);
});

test("GraphiQL opens one tab per contract read, then the explorer's tabs, each with its variables", () => {
  const names = [...reads.map((o) => o.name), "ExplorerAxeRegion", "ExplorerRechercheStructures", "ExplorerByAxis", "ExplorerCoFunding"];
  expect(GRAPHIQL_DEFAULT_TABS).toHaveLength(names.length);
  expect(Object.keys(GRAPHIQL_EXAMPLES)).toEqual(names);
  GRAPHIQL_DEFAULT_TABS.forEach((tab, i) => {
    const operation = parse(tab.query).definitions[0];
    expect(operation.kind === Kind.OPERATION_DEFINITION && operation.name?.value).toBe(names[i]);
    expect(JSON.parse(tab.variables)).toEqual(GRAPHIQL_EXAMPLES[names[i]].variables);
    expect(tab.query).toMatch(/^# Graphe des financements des 1000 premiers jours/);
    expect(() => JSON.parse(tab.variables)).not.toThrow();
  });
  expect(JSON.parse(GRAPHIQL_DEFAULT_TABS[0].variables)).toEqual({ region: "52", year: 2021 });
});

test("the explorer's tabs say what they show, in French, declare the variables they are given, and are no contract read", () => {
  expect(Object.values(EXPLORER_EXAMPLES).map((e) => e.title)).toEqual([
    "Explorer : projets de l'axe 4 en Occitanie",
    "Explorer : recherche de structures",
    "Explorer : financements par axe",
    "Explorer : qui cofinance avec qui",
  ]);
  const explorerTabs = GRAPHIQL_DEFAULT_TABS.slice(reads.length);
  expect(explorerTabs.map((t) => t.query.split("\n")[0])).toEqual(
    Object.values(EXPLORER_EXAMPLES).map((e) => `# Graphe des financements des 1000 premiers jours — ${e.title} (hors contrat public).`),
  );
  for (const [name, example] of Object.entries(EXPLORER_EXAMPLES)) {
    expect(CONTRACT_READS[name]).toBeUndefined();
    const operation = parse(example.document).definitions[0];
    const declared =
      operation.kind === Kind.OPERATION_DEFINITION ? (operation.variableDefinitions ?? []).map((v) => v.variable.name.value) : [];
    expect({ name, variables: Object.keys(example.variables).sort() }).toEqual({ name, variables: declared.sort() });
  }
});
