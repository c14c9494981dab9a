/**
 * The working-day scenario: public reads spread over every region, thousands of structures and
 * dossiers, the CAFs' departments and the national list pages, while partners write (CAF grants,
 * departmental credits, laureates) in random territories, at least once a second, through the
 * gateway with their token. After each acknowledged write, an answer it changed is read back
 * through the same cache: one that does not show the write is counted stale (must be 0). Reads
 * are skewed as real traffic is (a few dashboards, structures and dossiers are read far more often
 * than most: the k-th of n is drawn with probability decreasing with k, u² law); writes fall anywhere.
 * Independent of how the hub runs: the benchmark's processes (bench/working-day-run.ts) or a test's.
 */
import { performance } from "node:perf_hooks";
import { DEPARTMENTS, REGIONS } from "../subgraphs/domain/reference/cog";
import { SeededRandom } from "../fixtures/demo/random";
import { LoadResult, summarize } from "./load";
import { postJson } from "./http";
import { Json } from "../test/support/json";

export interface WorkingDaySamples {
  year: number;
  structures: readonly { siret: string; department: string }[];
  refs: readonly string[];
}

export interface WorkingDayOptions {
  url: string;
  /** Contract documents by operation name (../shared/contract/operations.graphql). */
  documents: Record<string, string>;
  samples: WorkingDaySamples;
  token(organisation: string): Promise<string>;
  durationS: number;
  /** Reads of the same mix before the measure, without writes (a cache as the morning finds it). */
  warmupS: number;
  readers: number;
  writesPerSecond: number;
  /** The gateway's resident memory, sampled each second (absent: not reported). */
  rss?: () => Promise<number>;
  seed?: number;
  /** The measure lasts durationS and, when given, until this many reads and writes were made: a slow machine measures longer, not less (the e2e test's counts stay the same on any machine). */
  atLeast?: { reads: number; writes: number };
}

export interface WorkingDayReport {
  reads: Record<string, LoadResult>;
  throughput: number;
  hits: number;
  /** Misses that waited for the same answer's computation by another read (gateway/inflight-reads.ts). */
  joined: number;
  misses: number;
  writes: number;
  writeFailures: number;
  /** Reads after an acknowledged write that did not show it. */
  stale: number;
  rssMb: number[];
}

const READ_MIX = [
  ["StructureFinancing", 35],
  ["CoFinancedProject", 20],
  ["RegionDashboard", 15],
  ["CafDepartment", 15],
  ["NationalLaureates", 15],
] as const;
const CREDITS_QUERY = "query StructureCredits($siret: ID!) { structure(siret: $siret) { departmentalCredits { id } } }";
const PAGE = 50;

async function graphqlCall(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  operationName?: string,
  token?: string,
): Promise<{ data?: Json; errors?: { message: string }[] }> {
  const reply = await postJson(url, JSON.stringify({ query, variables, operationName }), token ? { authorization: `Bearer ${token}` } : {});
  return JSON.parse(reply.text);
}

/** Lookups of the response cache so far, read off the gateway's /metrics. */
async function lookups(url: string): Promise<{ hits: number; joined: number; misses: number }> {
  const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
  const count = (result: string) =>
    Number(new RegExp(`hub_response_cache_lookups_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { hits: count("hit"), joined: count("joined"), misses: count("miss") };
}

/** Cursors of the first pages of the national list, walked once. */
async function laureatePages(options: WorkingDayOptions, pages: number): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  while (cursors.length < pages) {
    const { data } = await graphqlCall(
      options.url,
      options.documents.NationalLaureates,
      { year: options.samples.year, first: PAGE, after: cursors[cursors.length - 1] },
      "NationalLaureates",
    );
    if (!data?.healthProjects.pageInfo.hasNextPage) break;
    cursors.push(data.healthProjects.pageInfo.endCursor);
  }
  return cursors;
}

export async function runWorkingDay(options: WorkingDayOptions): Promise<WorkingDayReport> {
  const { samples, url } = options;
  const rng = new SeededRandom(options.seed ?? 7);
  const cursors = await laureatePages(options, 5);
  // a call per region with room for the day's laureates (the dataset's own are full)
  const calls = new Map<string, string>();
  for (const region of REGIONS) {
    const opened = await graphqlCall(
      url,
      "mutation($input: OpenCallInput!) { openHealthCall(input: $input) { id } }",
      {
        input: {
          region: region.code,
          year: samples.year,
          title: `Appel du jour ${region.code} ${Date.now()} (banc d'essai)`,
          axes: ["SCREENING_CONTINUITY"],
          joint: false,
          envelope: 100_000_000,
        },
      },
      undefined,
      await options.token(`ars:${region.code}`),
    );
    if (!opened.data) throw new Error(`Appel non ouvert en ${region.code} : ${opened.errors?.map((e) => e.message).join(" ; ")}`);
    calls.set(region.code, opened.data.openHealthCall.id);
  }
  const skewed = <T>(items: readonly T[]) => items[Math.floor(items.length * rng.next() ** 2)];
  const pickRead = (): { name: string; variables: Record<string, unknown> } => {
    let roll = rng.int(1, 100);
    const name = READ_MIX.find(([, weight]) => (roll -= weight) <= 0)?.[0] ?? "StructureFinancing";
    const variables = {
      StructureFinancing: { siret: skewed(samples.structures).siret },
      CoFinancedProject: { ref: skewed(samples.refs) },
      RegionDashboard: { region: skewed(REGIONS).code, year: samples.year },
      CafDepartment: { department: skewed(DEPARTMENTS).code, year: samples.year },
      NationalLaureates: { year: samples.year, first: PAGE, after: skewed(cursors) },
    }[name];
    return { name, variables };
  };

  const latencies = new Map<string, number[]>(READ_MIX.map(([name]) => [name, []]));
  const report = { writes: 0, writeFailures: 0, stale: 0, rssMb: [] as number[] };
  let deadline = performance.now() + options.warmupS * 1000;
  let measuring = false;
  let readCount = 0;
  let readFailures = 0;
  let writesStarted = 0;
  const going = () =>
    performance.now() < deadline ||
    (measuring && options.atLeast !== undefined && (readCount < options.atLeast.reads || writesStarted < options.atLeast.writes));

  const reader = async () => {
    while (going()) {
      const { name, variables } = pickRead();
      const start = performance.now();
      const answer = await graphqlCall(url, options.documents[name], variables, name).catch(() => ({ errors: [{ message: "réseau" }] }));
      if (!measuring) continue;
      if (answer.errors?.length) readFailures++;
      else latencies.get(name)!.push(performance.now() - start);
      readCount++;
    }
  };
  await Promise.all(Array.from({ length: options.readers }, reader));
  measuring = true;
  deadline = performance.now() + options.durationS * 1000;
  const before = await lookups(url);

  /** One write in a random territory, then the read that must show it. */
  const writeOnce = async (n: number) => {
    const structure = rng.pick(samples.structures);
    const department = structure.department;
    const region = DEPARTMENTS.find((d) => d.code === department)!.regionCode;
    const kind = n % 3;
    const title = `Écriture ${n} ${Date.now()} (banc d'essai)`;
    const common = { siret: structure.siret, structureName: "Structure du banc d'essai (fictif)", title, amount: 1_000 + n };
    const [organisation, mutation, field, input, shown] =
      kind === 0
        ? [
            `caf:${department}`,
            "mutation($input: ParentalityGrantInput!) { recordParentalityGrant(input: $input) { id } }",
            "recordParentalityGrant",
            { ...common, department, year: samples.year, fund: "CAF_FNP" },
            "parentalityGrants",
          ]
        : kind === 1
          ? [
              `cd:${department}`,
              "mutation($input: DepartmentalCreditInput!) { recordDepartmentalCredit(input: $input) { id } }",
              "recordDepartmentalCredit",
              { ...common, department, year: samples.year, programme: "PMI" },
              "departmentalCredits",
            ]
          : [
              `ars:${region}`,
              "mutation($input: AwardProjectInput!) { awardHealthProject(input: $input) { id } }",
              "awardHealthProject",
              { ...common, callId: calls.get(region), departments: [department], axes: ["SCREENING_CONTINUITY"] },
              "healthProjects",
            ];
    const written = await graphqlCall(url, mutation, { input }, undefined, await options.token(organisation));
    const id = written.data?.[field]?.id;
    if (!id) {
      report.writeFailures++;
      return;
    }
    report.writes++;
    const check =
      shown === "departmentalCredits"
        ? await graphqlCall(url, CREDITS_QUERY, { siret: structure.siret }, "StructureCredits")
        : await graphqlCall(url, options.documents.StructureFinancing, { siret: structure.siret }, "StructureFinancing");
    if (!check.data?.structure?.[shown]?.some((row: { id: string }) => row.id === id)) report.stale++;
  };

  // on a fixed schedule, whatever the time a write and its check take (the rate is the day's, not the hub's)
  const writer = async () => {
    if (options.writesPerSecond <= 0) return;
    const interval = 1000 / options.writesPerSecond;
    const running: Promise<void>[] = [];
    for (let n = 0; going(); n++) {
      writesStarted++;
      running.push(
        writeOnce(n).catch(() => {
          report.writeFailures++;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
    await Promise.all(running);
  };
  const sampler = async () => {
    while (options.rss && going()) {
      report.rssMb.push(Math.round((await options.rss()) / 1024 / 1024));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };

  const started = performance.now();
  await Promise.all([...Array.from({ length: options.readers }, reader), writer(), sampler()]);
  const seconds = (performance.now() - started) / 1000;
  const after = await lookups(url);
  const reads = Object.fromEntries([...latencies].map(([name, values]) => [name, summarize(values, seconds, 0)]));
  if (readFailures) console.error(`[journée] ${readFailures} lecture(s) en erreur`);
  return {
    reads,
    throughput: readCount / seconds,
    hits: after.hits - before.hits,
    joined: after.joined - before.joined,
    misses: after.misses - before.misses,
    ...report,
  };
}
