/**
 * Interop with Apollo's tooling, so that a partner on rover or Apollo Router can use our schema as
 * is: the committed subgraph SDLs compose with @apollo/composition, to the same public API; and
 * the committed supergraph, served by @apollo/gateway (an independent implementation) in front of
 * the same subgraphs, answers every read of the contract with the same JSON as our Hive Gateway.
 * (@apollo/composition and @apollo/gateway are Elastic-2.0: dev dependencies, used from test/ only.)
 */
import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildASTSchema, GraphQLSchema, lexicographicSortSchema, parse, printSchema } from "graphql";
import { transformSupergraphToPublicSchema } from "@theguild/federation-composition";
import { readRegistry } from "../../subgraphs/platform/federation/registry";
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { MaisonDecision } from "../../subgraphs/maisons/maison.entities";
import { LABELLING_CRITERIA } from "../../subgraphs/domain/reference/labelling-criteria";
import { signRequest } from "../../gateway/router-signer/server";
import { startTestHub, TestHub } from "../support/hub";
import { contractOperations } from "../support/contract";
import { call, grant, laureate, maison, testSiret } from "../support/fixtures";

const sorted = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));

describe("Apollo's Elastic-2.0 packages stay out of the runtime", () => {
  const elastic = fs
    .readdirSync("node_modules/@apollo")
    .map(
      (name) =>
        JSON.parse(fs.readFileSync(path.join("node_modules/@apollo", name, "package.json"), "utf8")) as { name: string; license?: string },
    )
    .filter((p) => p.license === "Elastic-2.0")
    .map((p) => p.name);
  const sources = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : []));

  test("the ones used here are dev dependencies only", () => {
    expect(elastic).toEqual(expect.arrayContaining(["@apollo/composition", "@apollo/gateway"]));
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    expect(Object.keys(pkg.dependencies).filter((d) => elastic.includes(d))).toEqual([]);
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(["@apollo/composition", "@apollo/gateway"]));
  });

  test("no code under subgraphs/, gateway/ or scripts/ imports them", () => {
    const importing = ["subgraphs", "gateway", "scripts"].flatMap(sources).filter((file) => {
      const text = fs.readFileSync(file, "utf8");
      // an import, a require or a dynamic import of the package or one of its subpaths (the licence
      // check names @apollo/federation-internals as a string: that is not an import)
      return elastic.some((name) =>
        new RegExp(`(from\\s+|import\\s+|require\\(\\s*|import\\(\\s*)["']${name.replace("/", "\\/")}(["']|/)`).test(text),
      );
    });
    expect(importing).toEqual([]);
  });
});

describe("@apollo/composition", () => {
  const registry = readRegistry();
  const result = composeServices(
    registry.map((s) => ({ name: s.name, url: s.routingUrl, typeDefs: parse(fs.readFileSync(s.schemaFile, "utf8")) })),
  );

  test("composes the committed subgraph SDLs without errors (hints allowed)", () => {
    expect((result.errors ?? []).map((e) => e.message)).toEqual([]);
    expect(result.supergraphSdl).toMatch(/enum join__Graph/);
  });

  test("to the same public API as our composition (schema/supergraph.graphql)", () => {
    const committed = fs.readFileSync(path.resolve("schema/supergraph.graphql"), "utf8");
    const ours = buildASTSchema(transformSupergraphToPublicSchema(parse(committed)), { assumeValidSDL: true });
    // Apollo's API schema, computed by Apollo's own code
    expect(sorted(result.schema!.toAPISchema().toGraphQLJSSchema())).toBe(sorted(ours));
  });
});

describe("@apollo/gateway on the committed supergraph", () => {
  const S1 = testSiret(1);
  const S2 = testSiret(2);
  const S3 = testSiret(3);
  const S4 = testSiret(4);
  let hub: TestHub;
  type Apollo = { url: string; stop(): Promise<unknown> };
  let apollo: Apollo;

  beforeAll(async () => {
    // the fixture set of contract-reads.e2e.test.ts: every read has data behind it
    hub = await startTestHub({
      seed: async (s) => {
        const health = await call(s, "ars", {
          regionCode: "52",
          year: 2021,
          joint: true,
          axes: [Axis.SCREENING_CONTINUITY, Axis.PARENT_ISOLATION],
        });
        const social = await call(s, "dreets", { regionCode: "52", year: 2021, joint: true });
        await laureate(s, "ars", health, { siret: S1, amount: 60_000.1, departments: ["44", "49"], projectRef: "R1" });
        await laureate(s, "ars", health, { siret: S2, amount: 45_000.05, departments: ["85"], status: GrantStatus.WITHDRAWN });
        const evaluated = await laureate(s, "ars", health, {
          siret: S1,
          amount: 50_000,
          departments: ["49"],
          status: GrantStatus.EVALUATED,
          title: "Second projet",
        });
        await laureate(s, "ars", health, {
          siret: S1,
          amount: 20_000,
          year: 2023,
          departments: ["49"],
          status: GrantStatus.RENEWED,
          renewedFromId: evaluated,
          title: "Second projet",
        });
        await laureate(s, "dreets", social, { siret: S1, amount: 30_000.33, departments: ["44"], projectRef: "R1" });
        const breton = await call(s, "ars", { regionCode: "53", year: 2021 });
        await laureate(s, "ars", breton, { siret: S4, amount: 70_000, departments: ["35"] });
        await grant(s, {
          departmentCode: "44",
          year: 2021,
          fund: FundingSource.CAF_FNP,
          siret: S1,
          amount: 5_000.5,
          projectRef: "R1",
          axes: [Axis.PARENT_ISOLATION],
        });
        await grant(s, { departmentCode: "44", year: 2021, fund: FundingSource.CAF_REAAP, siret: S3, amount: 1_200 });
        await grant(s, { departmentCode: "49", year: 2022, fund: FundingSource.CAF_LAEP, siret: S1, amount: 999.99 });
        const allMet = Object.fromEntries(LABELLING_CRITERIA.map((c) => [c.code, true]));
        await maison(s, {
          territoryCode: "04",
          carriers: [S3, S4],
          decision: MaisonDecision.LABELLED,
          criteria: allMet,
          budget: [
            { year: 2024, source: FundingSource.FIR, amount: 200_000 },
            { year: 2025, source: FundingSource.DEPARTMENT, amount: 80_000.4 },
          ],
        });
        await maison(s, {
          territoryCode: "06",
          carriers: [S3],
          decision: MaisonDecision.PENDING,
          criteria: { OBJECTIVES_ONE_PLACE: true, VALUE_FATHERS: false },
          budget: [{ year: 2024, source: FundingSource.FIR, amount: 150_000 }],
        });
      },
    });
    const secret = hub.auth.config.hmacSecret;
    const subgraphUrl = (name: string) => {
      if (!(name in hub.subgraphs)) throw new Error(`sous-graphe ${name} du supergraphe non démarré`);
      return hub.subgraphs[name].url;
    };
    /** Every subgraph requires Hive Gateway's HMAC signature: Apollo's data source signs the same way. */
    class SignedDataSource extends RemoteGraphQLDataSource {
      override willSendRequest({ request }: Parameters<NonNullable<RemoteGraphQLDataSource["willSendRequest"]>>[0]): void {
        request.extensions = {
          ...request.extensions,
          "hmac-signature": signRequest(secret, { query: request.query, variables: request.variables }),
        };
      }
    }
    const gateway = new ApolloGateway({
      supergraphSdl: fs.readFileSync(path.resolve("schema/supergraph.graphql"), "utf8"),
      // the supergraph's routing URLs, rewritten to the test hub's running subgraphs
      buildService: ({ name }) => new SignedDataSource({ url: subgraphUrl(name) }),
    });
    const server = new ApolloServer({ gateway });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
    apollo = { url, stop: () => server.stop() };
  });
  afterAll(async () => {
    await (apollo as Apollo | undefined)?.stop();
    await (hub as TestHub | undefined)?.stop();
  });

  const askApollo = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(apollo.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;
  };

  /** Variables of each contract read, on the fixture set; a new read must be added here. */
  const VARIABLES: Record<string, Record<string, unknown>[]> = {
    RegionDashboard: [
      { region: "52", year: 2021 },
      { region: "04", year: 2024 },
    ],
    StructureFinancing: [{ siret: S1 }, { siret: S3 }],
    CoFinancedProject: [{ ref: "R1" }],
    NationalLaureates: [
      { year: 2021, first: 2 },
      { year: 2021, first: 50 },
    ],
    CafDepartment: [{ department: "44", year: 2021 }],
    MaisonsBoard: [{}],
  };
  const reads = contractOperations().filter((o) => o.kind === "query");

  test("every contract read has variables here", () => {
    expect(reads.map((o) => o.name).sort()).toEqual(Object.keys(VARIABLES).sort());
  });

  test.each(reads.flatMap((o) => (VARIABLES[o.name] ?? []).map((v) => [o.name, JSON.stringify(v), o.document, v] as const)))(
    "%s %s: the same JSON as Hive Gateway, through the subgraphs",
    async (_name, _label, document, variables) => {
      const ours = await hub.query(document, variables);
      expect(ours.errors).toBeUndefined();
      expect(Object.values(ours.data ?? {}).every((v) => v !== null)).toBe(true);
      let theirs: Awaited<ReturnType<typeof askApollo>> = {};
      const calls = await hub.measure(async () => {
        theirs = await askApollo(document, variables);
      });
      expect(JSON.stringify(theirs)).toBe(JSON.stringify(ours));
      // Apollo's answer came from the running subgraphs, not from anywhere else
      expect(Object.values(calls).reduce((sum, c) => sum + c.requests, 0)).toBeGreaterThan(0);
    },
  );

  test("the second page of the national laureates, from the first page's cursor, is the same too", async () => {
    const document = reads.find((o) => o.name === "NationalLaureates")!.document;
    const first = await hub.query(document, { year: 2021, first: 2 });
    const after = first.data.healthProjects.pageInfo.endCursor;
    expect(after).toEqual(expect.any(String));
    const ours = await hub.query(document, { year: 2021, first: 2, after });
    expect(ours.data.healthProjects.edges).toHaveLength(2);
    expect(JSON.stringify(await askApollo(document, { year: 2021, first: 2, after }))).toBe(JSON.stringify(ours));
  });
});
