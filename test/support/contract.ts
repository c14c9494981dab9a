import fs from "node:fs";
import path from "node:path";
import { Kind, OperationDefinitionNode, parse, print } from "graphql";

/** The public contract, read from ../shared beside the repository (as CI lays it out). */
export const CONTRACT_FILE = path.resolve(process.env.CONTRACT_FILE || "../shared/contract/operations.graphql");

export function contractOperations(): { name: string; kind: "query" | "mutation"; document: string }[] {
  const document = parse(fs.readFileSync(CONTRACT_FILE, "utf8"));
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => ({ name: d.name!.value, kind: d.operation as "query" | "mutation", document: print(d) }));
}

export const contractQuery = (name: string) => {
  const found = contractOperations().find((o) => o.name === name);
  if (!found) throw new Error(`Opération ${name} absente du contrat`);
  return found.document;
};
