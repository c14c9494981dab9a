/**
 * Shipped migrations are frozen: what each migration of each subgraph produces, step by step, is
 * committed in schema/migrations/<subgraph>.<engine>.txt. A migration that calls a helper
 * (migration-helpers.ts, reference data) would silently rewrite history if the helper changed;
 * this test fails instead. A NEW migration adds a step at the end: regenerate the snapshot with
 * `UPDATE_MIGRATION_SNAPSHOTS=1 npm run jest -- test/e2e/migrations-frozen.e2e.test.ts` (on both
 * engines) and commit it with the migration; the diff must touch only the new step.
 */
import fs from "node:fs";
import path from "node:path";
import { DataSource, DataSourceOptions } from "typeorm";
import { FUNDER_SUBGRAPHS, hubSubgraph } from "../../subgraphs/registry";
import { createTestDatabase, TestDatabase } from "../support/database";
import { dumpSchema } from "../support/schema-dump";

const SNAPSHOTS = path.resolve(__dirname, "../../schema/migrations");
const update = process.env.UPDATE_MIGRATION_SNAPSHOTS === "1";
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => (database as TestDatabase | undefined)?.drop());

/** Runs the migrations one at a time on a fresh database, and describes the database after each. */
async function stepByStep(module: (typeof FUNDER_SUBGRAPHS)[number]): Promise<string> {
  // The module's own definition (entities, migrations, options); opened once to read them, then closed.
  const probe = await module.openDatabase({ ...database.config, dataDir: path.join(database.config.dataDir || "", "probe") });
  const options = probe.dataSource.options;
  const migrations = probe.dataSource.migrations.map((m) => m.constructor as new () => object);
  await probe.dataSource.destroy();
  const steps: string[] = [];
  const fresh =
    database.kind === "postgres"
      ? { schema: `${module.name}_frozen` }
      : { database: path.join(database.config.dataDir, `${module.name}-frozen.sqlite`) };
  if (database.kind === "postgres") {
    const admin = new DataSource({ type: "postgres", url: database.config.url! });
    await admin.initialize();
    await admin.query(`CREATE SCHEMA "${fresh.schema}"`);
    await admin.destroy();
  }
  for (let k = 1; k <= migrations.length; k++) {
    const extra = database.kind === "postgres" ? { extra: { max: 1, options: `-c search_path="${fresh.schema}"` } } : {};
    const ds = new DataSource({ ...options, ...fresh, ...extra, migrations: migrations.slice(0, k), logging: false } as DataSourceOptions);
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: "each" });
      steps.push(`== after ${migrations[k - 1].name}\n${await dumpSchema(ds)}`);
    } finally {
      await ds.destroy();
    }
  }
  return `${steps.join("\n\n")}\n`;
}

describe.each([...FUNDER_SUBGRAPHS, hubSubgraph()].map((m) => [m.name, m] as const))("the migrations of %s", (name, module) => {
  it("produce, step by step, what they produced when they shipped", async () => {
    const file = path.join(SNAPSHOTS, `${name}.${database.kind}.txt`);
    const actual = await stepByStep(module);
    if (update || !fs.existsSync(file)) {
      fs.mkdirSync(SNAPSHOTS, { recursive: true });
      fs.writeFileSync(file, actual);
      if (!update) throw new Error(`${file} n'existait pas : il vient d'être écrit, relisez-le et committez-le.`);
      return;
    }
    const expected = fs.readFileSync(file, "utf8");
    if (actual !== expected) {
      const firstDiffering = actual.split("\n\n== ").findIndex((step, i) => step !== expected.split("\n\n== ")[i]);
      throw new Error(
        `Les migrations de ${name} ne produisent plus ce qu'elles produisaient (étape ${firstDiffering + 1}, voir ${path.relative(process.cwd(), file)}). Une migration livrée ne change pas : écrivez-en une nouvelle ; si vous venez d'en ajouter une, régénérez l'instantané (UPDATE_MIGRATION_SNAPSHOTS=1) et vérifiez que seule la nouvelle étape change.`,
      );
    }
  });
});
