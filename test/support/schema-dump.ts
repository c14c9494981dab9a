import { createHash } from "node:crypto";
import { DataSource } from "typeorm";

/** Columns whose value depends on when a migration ran, not on what it wrote. */
const CLOCK_COLUMNS = new Set(["created_at", "updated_at", "at", "timestamp"]);

/** A digest of a table's rows, clock columns left out: a migration that inserts reference data writes the same rows every time. */
async function rowsDigest(ds: DataSource, table: string, quote: (name: string) => string): Promise<string> {
  const rows: Record<string, string | number | boolean | Date | null>[] = await ds.query(`SELECT * FROM ${quote(table)}`);
  const lines = rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .filter((k) => !CLOCK_COLUMNS.has(k))
          .sort()
          .map((k) => [k, row[k] === null ? null : String(row[k])]),
      ),
    )
    .sort();
  return `${rows.length} rows, sha256 ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
}

/**
 * What a database holds after its migrations, as stable text: tables, columns, indexes and
 * constraints in the engine's own words, and a digest of each table's rows (typeorm's own
 * `migrations` table left out).
 */
export async function dumpSchema(ds: DataSource): Promise<string> {
  const out: string[] = [];
  if (ds.options.type === "postgres") {
    const schema = (ds.options as { schema?: string }).schema ?? "public";
    const tables: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY table_name`,
      [schema],
    );
    for (const { table_name: table } of tables) {
      out.push(`table ${table}`);
      const columns: Record<string, string | null>[] = await ds.query(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY column_name`,
        [schema, table],
      );
      for (const c of columns)
        out.push(
          `  column ${c.column_name} ${c.data_type}${c.character_maximum_length ? `(${c.character_maximum_length})` : ""} ${c.is_nullable === "YES" ? "null" : "not null"}${c.column_default ? ` default ${c.column_default}` : ""}`,
        );
      const indexes: { indexdef: string }[] = await ds.query(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname`,
        [schema, table],
      );
      for (const i of indexes) out.push(`  ${i.indexdef.replace(`${schema}.`, "")}`);
      const constraints: { def: string }[] = await ds.query(
        `SELECT conname || ' ' || pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 AND t.relname = $2 ORDER BY conname`,
        [schema, table],
      );
      for (const c of constraints) out.push(`  constraint ${c.def.replace(`${schema}.`, "")}`);
      out.push(`  ${await rowsDigest(ds, `${schema}"."${table}`, (n) => `"${n}"`)}`);
    }
  } else {
    const objects: { type: string; name: string; tbl_name: string; sql: string | null }[] = await ds.query(
      `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'migrations' ORDER BY tbl_name, type DESC, name`,
    );
    for (const o of objects) {
      out.push(`${o.type} ${o.name}: ${(o.sql ?? "(automatic)").replace(/\s+/g, " ")}`);
      if (o.type === "table") out.push(`  ${await rowsDigest(ds, o.name, (n) => `"${n}"`)}`);
    }
  }
  return out.join("\n");
}
