/**
 * The gateway's copy of the contract's read operations (GraphiQL tabs, dashboard, exports) is the
 * contract, word for word: an operation that drifts from ../shared/contract fails here.
 */
import { Kind, parse, print } from "graphql";
import { CONTRACT_READS, GRAPHIQL_DEFAULT_TABS } from "../../gateway/graphiql";
import { contractOperations } from "../support/contract";

const reads = contractOperations().filter((o) => o.kind === "query");

test("the gateway holds every read operation of the contract, in its order", () => {
  expect(Object.keys(CONTRACT_READS)).toEqual(reads.map((o) => o.name));
});

test.each(reads.map((o) => [o.name, o.document]))("%s is the contract's text, unchanged", (name, document) => {
  expect(print(parse(CONTRACT_READS[name].document))).toBe(document);
});

test("GraphiQL opens one tab per contract read, with its variables", () => {
  expect(GRAPHIQL_DEFAULT_TABS).toHaveLength(reads.length);
  GRAPHIQL_DEFAULT_TABS.forEach((tab, i) => {
    const operation = parse(tab.query).definitions[0];
    expect(operation.kind === Kind.OPERATION_DEFINITION && operation.name?.value).toBe(reads[i].name);
    expect(tab.query).toMatch(/^# Graphe des financements des 1000 premiers jours/);
    expect(() => JSON.parse(tab.variables)).not.toThrow();
  });
  expect(JSON.parse(GRAPHIQL_DEFAULT_TABS[0].variables)).toEqual({ region: "52", year: 2021 });
});
