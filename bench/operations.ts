/** The contract reads the benchmark loads, and the variables each one rotates over. */
import fs from "node:fs";
import path from "node:path";
import { Kind, OperationDefinitionNode, parse, print } from "graphql";
import { DatasetSamples } from "./dataset";
import { graphql } from "./http";

export const BENCH_OPERATIONS = ["RegionDashboard", "StructureFinancing", "CoFinancedProject", "NationalLaureates"] as const;
export type BenchOperationName = (typeof BENCH_OPERATIONS)[number];

export interface BenchOperation {
  name: BenchOperationName;
  document: string;
  variables: Record<string, unknown>[];
  /** The JSON bodies sent, one per variable set. */
  bodies: string[];
}

const CONTRACT_FILE = path.resolve(process.env.CONTRACT_FILE || "../shared/contract/operations.graphql");
const YEAR = 2021;
const PAGE = 100;

function contractDocument(name: string): string {
  const document = parse(fs.readFileSync(CONTRACT_FILE, "utf8"));
  const found = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!found) throw new Error(`Opération ${name} absente du contrat (${CONTRACT_FILE})`);
  return print(found);
}

/** Pages of the national list, walked once through the gateway to get real cursors. */
async function laureatePages(gatewayUrl: string, document: string, pages: number): Promise<Record<string, unknown>[]> {
  const variables: Record<string, unknown>[] = [{ year: YEAR, first: PAGE, after: null }];
  while (variables.length < pages) {
    const { data } = (await graphql(gatewayUrl, document, variables[variables.length - 1])) as {
      data: { healthProjects: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
    };
    if (!data.healthProjects.pageInfo.hasNextPage) break;
    variables.push({ year: YEAR, first: PAGE, after: data.healthProjects.pageInfo.endCursor });
  }
  return variables;
}

export async function benchOperations(samples: DatasetSamples, gatewayUrl: string): Promise<BenchOperation[]> {
  const operations: BenchOperation[] = [];
  for (const name of BENCH_OPERATIONS) {
    const document = contractDocument(name);
    const variables =
      name === "RegionDashboard"
        ? samples.regions.map((region) => ({ region, year: YEAR }))
        : name === "StructureFinancing"
          ? samples.cofundedSirets.map((siret) => ({ siret }))
          : name === "CoFinancedProject"
            ? samples.cofinancedRefs.map((ref) => ({ ref }))
            : await laureatePages(gatewayUrl, document, 10);
    if (!variables.length) throw new Error(`Aucune variable pour ${name} : jeu de données trop petit.`);
    operations.push({
      name,
      document,
      variables,
      bodies: variables.map((v) => JSON.stringify({ query: document, variables: v, operationName: name })),
    });
  }
  return operations;
}
