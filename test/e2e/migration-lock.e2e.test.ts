/**
 * Replicas of one subgraph started together on a fresh PostgreSQL database: each runs the
 * migrations at start, one after the other (an advisory lock per schema), and all come up on the
 * same schema, migrated once. SQLite is one process per file: nothing to race.
 */
import { createTestDatabase, TestDatabase } from "../support/database";
import { FUNDER_SUBGRAPHS } from "../../subgraphs/registry";

const onPostgres = process.env.TEST_DB === "postgres" ? test : test.skip;
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => (database as TestDatabase | undefined)?.drop());

onPostgres("three replicas of each subgraph migrating at once all start, and every migration ran once", async () => {
  const opened = await Promise.allSettled(FUNDER_SUBGRAPHS.flatMap((module) => [1, 2, 3].map(() => module.openDatabase(database.config))));
  const failures = opened.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => String(o.reason));
  const sources = opened.filter((o) => o.status === "fulfilled").map((o) => o.value.dataSource);
  try {
    expect(failures).toEqual([]);
    for (const module of FUNDER_SUBGRAPHS) {
      const runs = await sources[0].query(`SELECT name, count(*)::int AS n FROM "${module.name}".migrations GROUP BY name`);
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs) expect(run.n).toBe(1);
    }
  } finally {
    await Promise.all(sources.map((s) => s.destroy()));
  }
});
