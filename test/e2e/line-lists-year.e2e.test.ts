/**
 * The lists of a funder's lines on Department and Structure (`parentalityGrants(year:)`,
 * `departmentalCredits(year:)`) read only the year asked from the database (issue #14): every
 * statement the request ran on the funder's table, replayed, returns the lines of that year and no
 * more; the answer is the every-year list filtered to the year, in the same order; one statement
 * per year asked, not per department.
 */
import { FundingSource } from "../../subgraphs/domain/enums";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import { DepartmentalCreditRow } from "../../subgraphs/departements/departmental-credit.entity";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { startTestHub, TestHub } from "../support/hub";
import { credit, grant, testSiret } from "../support/fixtures";
import { Json } from "../support/json";

const S1 = testSiret(41);
const S2 = testSiret(42);
const YEARS = [2021, 2022, 2023];
const FUNDERS = [
  { subgraph: "caf", field: "parentalityGrants", row: ParentalityGrantRow },
  { subgraph: "departements", field: "departmentalCredits", row: DepartmentalCreditRow },
];

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    seed: async (s) => {
      // Pays de la Loire: lines in 44 and 49 each year, S1 funded in both, S2 in 44 only
      for (const year of YEARS)
        for (const [departmentCode, siret] of [
          ["44", S1],
          ["44", S2],
          ["49", S1],
        ]) {
          await grant(s, { departmentCode, year, fund: FundingSource.CAF_REAAP, siret, amount: year - 2000 });
          await credit(s, { departmentCode, year, siret, amountCents: year * 100 });
        }
    },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

/** The statements run on the table while `action` ran, and the rows they read (each replayed). */
async function readsOf(server: SubgraphServer, table: string, action: () => Promise<Json>) {
  const spy = jest.spyOn(server.database.sql, "logQuery");
  let answer: Json;
  let statements: [string, unknown[] | undefined][];
  try {
    answer = await action();
  } finally {
    statements = spy.mock.calls.filter(([query]) => query.includes(`"${table}"`)).map(([query, parameters]) => [query, parameters]);
    spy.mockRestore();
  }
  let rows = 0;
  for (const [query, parameters] of statements) rows += (await server.database.dataSource.query<unknown[]>(query, parameters)).length;
  return { answer, statements: statements.length, rows };
}

const total = (lists: Json[][]) => lists.reduce((n, l) => n + l.length, 0);
const ofYear = (lists: Json[][], year: number) => lists.map((l) => l.filter((line: Json) => line.year === year));

describe.each(FUNDERS)("$subgraph: $field of a year", ({ subgraph, field, row }) => {
  const server = () => hub.subgraphs[subgraph];
  const table = () => server().database.dataSource.getMetadata(row).tableName;
  const answer = async (query: string, variables?: Record<string, unknown>) => {
    const result = await hub.query(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const lines = `${field}(year: $year) { id year amount structure { siret } department { code } }`;

  test.each([
    [
      "Department",
      `query($year: Int) { region(code: "52") { departments { code ${lines} } } }`,
      (d: Json): Json[][] => d.region.departments.map((x: Json) => x[field]),
    ],
    ["Structure", `query($year: Int) { structure(siret: "${S1}") { ${lines} } }`, (d: Json): Json[][] => [d.structure[field]]],
  ])("%s: the statement reads the year's lines only, and answers as the every-year list filtered", async (_entity, query, list) => {
    const every = await readsOf(server(), table(), () => answer(query, { year: null }));
    const year = await readsOf(server(), table(), () => answer(query, { year: 2022 }));
    // every year: each line read once, and the three years shown
    expect(every.rows).toBe(total(list(every.answer)));
    expect(new Set(list(every.answer).flatMap((l) => l.map((line: Json) => line.year)))).toEqual(new Set(YEARS));
    // the year: the lines the every-year list keeps of it, in its order, and no other line read
    expect(list(year.answer)).toEqual(ofYear(list(every.answer), 2022));
    expect(total(list(year.answer))).toBeGreaterThan(0);
    expect(year.rows).toBe(total(list(year.answer)));
    expect({ every: every.statements, year: year.statements }).toEqual({ every: 1, year: 1 });
  });

  test("Department: two years and every year in one request, one statement each, each reading its own lines", async () => {
    const query = `{ region(code: "52") { departments { code
      a: ${field}(year: 2021) { id year }
      b: ${field}(year: 2023) { id year }
      every: ${field} { id year } } } }`;
    const read = await readsOf(server(), table(), () => answer(query));
    const of = (alias: string): Json[][] => read.answer.region.departments.map((d: Json) => d[alias]);
    expect(of("a")).toEqual(ofYear(of("every"), 2021));
    expect(of("b")).toEqual(ofYear(of("every"), 2023));
    expect(total(of("a"))).toBeGreaterThan(0);
    expect(read.statements).toBe(3);
    expect(read.rows).toBe(total(of("a")) + total(of("b")) + total(of("every")));
  });
});
