/**
 * Schema first: the committed SDL files and supergraph must be what `npm run compose` produces
 * from the code, and every read operation of the public contract must validate against the
 * composed API schema — reads and writes.
 */
import fs from "node:fs";
import path from "node:path";
import { buildASTSchema, buildSchema, parse, validate } from "graphql";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { discoverContributions } from "../../subgraphs/domain/federation/contributions";
import { printSubgraphSchema } from "@apollo/subgraph";
import { composeSupergraph } from "../../gateway/composition";
import { hubSubgraph } from "../../subgraphs/registry";
import { buildSchemaArtifacts } from "../../scripts/compose-lib";
import { contractOperations } from "../support/contract";

const registry = readRegistry();
let artifacts: Awaited<ReturnType<typeof buildSchemaArtifacts>>;
beforeAll(async () => {
  artifacts = await buildSchemaArtifacts(registry);
});

test("each committed subgraph SDL is what the code builds (run `npm run compose` after a schema change)", () => {
  for (const entry of registry) {
    const built = artifacts.subgraphs.find((s) => s.name === entry.name)!.sdl;
    expect({ subgraph: entry.name, sdl: fs.readFileSync(entry.schemaFile, "utf8") }).toEqual({ subgraph: entry.name, sdl: built });
  }
});

test("the committed supergraph is the composition of the registered subgraphs", () => {
  expect(artifacts.composed.ok).toBe(true);
  const committed = fs.readFileSync(path.resolve("schema/supergraph.graphql"), "utf8");
  expect(committed).toBe((artifacts.composed as { supergraphSdl: string }).supergraphSdl);
});

describe("the public contract", () => {
  const composed = () => artifacts.composed as { ok: true; publicSdl: string };
  const reads = contractOperations().filter((o) => o.kind === "query");

  test("has the six read operations", () => {
    expect(reads.map((o) => o.name)).toEqual([
      "RegionDashboard",
      "StructureFinancing",
      "CoFinancedProject",
      "NationalLaureates",
      "CafDepartment",
      "MaisonsBoard",
    ]);
  });

  test("has the twelve write operations", () => {
    expect(contractOperations().filter((o) => o.kind === "mutation")).toHaveLength(12);
  });

  test.each(contractOperations().map((o) => [o.name, o.document]))(
    "%s validates against the supergraph's API schema",
    (_name, document) => {
      const api = buildSchema(composed().publicSdl, { assumeValidSDL: true });
      expect(validate(api, parse(document)).map((e) => e.message)).toEqual([]);
    },
  );

  test("a contract operation that drifts from the schema is caught", () => {
    const api = buildASTSchema(parse(composed().publicSdl), { assumeValidSDL: true });
    expect(validate(api, parse('{ region(code: "52") { healthCalls { budget } } }'))).not.toHaveLength(0);
  });
});

test("internal contribution fields stay out of the public API", () => {
  const api = (artifacts.composed as { publicSdl: string }).publicSdl;
  expect(api).not.toMatch(/Contribution/);
  expect(api).not.toMatch(/FundingLine/);
});

test("a new funder subgraph's contributions are counted without touching the hub's code", async () => {
  const newcomer = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@inaccessible"])
    type Structure @key(fields: "siret") { siret: ID! collectivitesContribution: FundingContribution! @inaccessible }
    type FundingContribution @shareable @inaccessible { lines: [FundingLine!]! recordedName: String }
    type FundingLine @shareable @inaccessible { year: Int! source: FundingSource! funder: String! cents: Float! }
    enum FundingSource { FIR P304_17 P304_19 CAF_FNP CAF_REAAP CAF_LAEP CAF_FPT FIPE DEPARTMENT LOCAL_AUTHORITY OTHER }`;
  const funders = artifacts.subgraphs.filter((s) => s.name !== "hub").map((s) => ({ name: s.name, sdl: s.sdl }));
  const contributions = discoverContributions([...funders, { name: "collectivites", sdl: newcomer }]);
  expect(contributions.filter((c) => c.subgraph === "collectivites")).toEqual([
    {
      subgraph: "collectivites",
      entity: "Structure",
      field: "collectivitesContribution",
      nonNull: true,
      optionalLineFields: [],
      details: false,
    },
  ]);
  expect(contributions.filter((c) => c.entity === "Region").map((c) => c.subgraph)).toEqual([
    "ars",
    "dreets",
    "caf",
    "maisons",
    "departements",
  ]);
  // the hub's cross-financing now requires the newcomer's lines, and the whole still composes
  const hubSdl = printSubgraphSchema(await hubSubgraph(() => contributions).buildSchema());
  expect(hubSdl).toMatch(/CrossFinancing @requires\(fields: "[^"]*collectivitesContribution \{ lines/);
  // its schema has no `details`: the explorer's figures do not ask for them (and say the newcomer is missing)
  expect(hubSdl).not.toMatch(/collectivitesContribution \{ details/);
  const result = composeSupergraph([
    ...artifacts.subgraphs.filter((s) => s.name !== "hub"),
    { name: "collectivites", url: "http://127.0.0.1:4999/graphql", sdl: newcomer },
    { name: "hub", url: "http://127.0.0.1:4010/graphql", sdl: hubSdl },
  ]);
  expect(result.ok ? [] : result.errors).toEqual([]);
});
