/**
 * The check a partner runs before asking to register (or change) a subgraph: does the candidate
 * SDL compose with the registered subgraphs, does it break the public API the gateway serves
 * today, does every operation of the public contract still validate? `npm run schema:check` is
 * its command line (scripts/schema-check.ts); a partner's CI can also call it as a function.
 */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import {
  buildASTSchema,
  DocumentNode,
  findBreakingChanges,
  GraphQLSchema,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { transformSupergraphToPublicSchema } from "@theguild/federation-composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { readRegistry, RegisteredSubgraph, schemaDir } from "../subgraphs/platform/federation/registry";
import { discoverContributions } from "../subgraphs/domain/federation/contributions";
import { hubSubgraph, HUB } from "../subgraphs/hub";
import { composeSupergraph, readSubgraphSdls, SubgraphSdl } from "./composition";
import { breakingChangeInFrench, compositionErrorInFrench, validationErrorInFrench } from "./schema-check/messages";

export { fetchSubgraphSdl, SdlFetchError } from "./schema-check/fetch-sdl";
export { formatSchemaCheckReport } from "./schema-check/report";

/** The public contract, beside the repository (as CI lays it out), unless CONTRACT_FILE says otherwise. */
export const defaultContractFile = (env: NodeJS.ProcessEnv = process.env) =>
  path.resolve(env.CONTRACT_FILE || "../shared/contract/operations.graphql");

export interface SchemaCheckInput {
  /** The subgraph's name in the registry (replaces the registered one of that name, if any). */
  name: string;
  /** The candidate's Federation 2 SDL. */
  sdl: string;
  /** Where the subgraph would be reached (only written into the composed supergraph). */
  routingUrl?: string;
  /** Registered subgraphs (default: schema/supergraph.yaml and their committed SDL files). */
  registry?: readonly RegisteredSubgraph[];
  /** The supergraph the gateway serves today (default: schema/supergraph.graphql). */
  currentSupergraphSdl?: string;
  /** The contract's operations (default: the text of defaultContractFile()). */
  contract?: string;
  /**
   * The hub's SDL for the given funder subgraphs: its cross-financing requires every funder's
   * contribution fields, as `npm run compose` regenerates it. Default: built from the hub's code.
   */
  hubSdl?: (funders: readonly { name: string; sdl: string }[]) => Promise<string>;
}

export interface ContractBreak {
  operation: string;
  /** Why it no longer validates, in French. */
  errors: string[];
}

export interface SchemaCheckReport {
  subgraph: string;
  /** True when the candidate replaces a registered subgraph, false for a new one. */
  replacesRegistered: boolean;
  /** How many subgraphs the candidate was composed with (itself included). */
  composedWith: number;
  compositionErrors: string[];
  /** In French; empty when composition failed (nothing to compare). */
  breakingChanges: string[];
  contractBreaks: ContractBreak[];
  /** Contract operations checked (those valid against today's API). */
  contractOperations: number;
  /** The composed supergraph when composition succeeded. */
  supergraphSdl: string | null;
  ok: boolean;
}

const PLACEHOLDER_URL = "http://sous-graphe-candidat.invalid/graphql";

export async function checkSubgraphSchema(input: SchemaCheckInput): Promise<SchemaCheckReport> {
  const registry = input.registry ?? readRegistry();
  const registered = registry.find((s) => s.name === input.name);
  const report: SchemaCheckReport = {
    subgraph: input.name,
    replacesRegistered: Boolean(registered),
    composedWith: 0,
    compositionErrors: [],
    breakingChanges: [],
    contractBreaks: [],
    contractOperations: 0,
    supergraphSdl: null,
    ok: false,
  };
  const syntaxError = sdlSyntaxError(input.sdl);
  if (syntaxError) {
    report.compositionErrors.push(syntaxError);
    return report;
  }
  const candidate: SubgraphSdl = { name: input.name, url: input.routingUrl ?? registered?.routingUrl ?? PLACEHOLDER_URL, sdl: input.sdl };
  let subgraphs: SubgraphSdl[];
  try {
    subgraphs = await withCandidate(readSubgraphSdls(registry), candidate, input.hubSdl ?? buildHubSdl);
  } catch (error) {
    report.compositionErrors.push(`Le schéma du hub ne peut pas être régénéré avec ce sous-graphe : ${(error as Error).message}`);
    return report;
  }
  report.composedWith = subgraphs.length;
  const composed = composeSupergraph(subgraphs);
  if (!composed.ok) {
    report.compositionErrors.push(...composed.errors.map(compositionErrorInFrench));
    return report;
  }
  report.supergraphSdl = composed.supergraphSdl;
  const before = publicApi(input.currentSupergraphSdl ?? fs.readFileSync(path.join(schemaDir(), "supergraph.graphql"), "utf8"));
  const after = publicApi(composed.supergraphSdl);
  report.breakingChanges = findBreakingChanges(before, after).map(breakingChangeInFrench);
  const operations = contractOperations(input.contract ?? fs.readFileSync(defaultContractFile(), "utf8")).filter(
    (o) => validateOperation(before, o.document).length === 0,
  );
  report.contractOperations = operations.length;
  for (const operation of operations) {
    const errors = validateOperation(after, operation.document);
    if (errors.length)
      report.contractBreaks.push({ operation: operation.name, errors: errors.map((e) => validationErrorInFrench(e.message)) });
  }
  report.ok = report.breakingChanges.length === 0 && report.contractBreaks.length === 0;
  return report;
}

function sdlSyntaxError(sdl: string): string | null {
  try {
    parse(sdl);
    return null;
  } catch (error) {
    const location = (error as { locations?: { line: number; column: number }[] }).locations?.[0];
    return `Le SDL du candidat n'est pas lisible${location ? ` (ligne ${location.line}, colonne ${location.column})` : ""} : ${(error as Error).message}`;
  }
}

/**
 * The registered subgraphs with the candidate in place of its namesake (or added last), and the
 * hub's SDL regenerated for the funders it would then count.
 */
async function withCandidate(
  registered: SubgraphSdl[],
  candidate: SubgraphSdl,
  hubSdl: NonNullable<SchemaCheckInput["hubSdl"]>,
): Promise<SubgraphSdl[]> {
  const subgraphs = registered.some((s) => s.name === candidate.name)
    ? registered.map((s) => (s.name === candidate.name ? candidate : s))
    : [...registered, candidate];
  if (candidate.name === HUB) return subgraphs;
  const funders = subgraphs.filter((s) => s.name !== HUB);
  const sdl = await hubSdl(funders);
  return subgraphs.map((s) => (s.name === HUB ? { ...s, sdl } : s));
}

async function buildHubSdl(funders: readonly { name: string; sdl: string }[]): Promise<string> {
  return printSubgraphSchema(await hubSubgraph(() => discoverContributions(funders)).buildSchema());
}

function publicApi(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl)), { assumeValidSDL: true });
}

/** An operation carries every fragment of the contract: those it does not use are no error. */
const OPERATION_RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
const validateOperation = (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, OPERATION_RULES);

/** Each operation of the contract as its own document (with the fragments it may use). */
function contractOperations(contract: string): { name: string; document: DocumentNode }[] {
  const document = parse(contract);
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION
      ? [{ name: d.name?.value ?? "(anonyme)", document: { kind: Kind.DOCUMENT, definitions: [d, ...fragments] } }]
      : [],
  );
}
