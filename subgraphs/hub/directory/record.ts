import { EntityManager } from "typeorm";
import { chunks } from "../../platform/import/chunks";

export interface StructureName {
  siret: string;
  name: string;
}

/**
 * Records the names funders give to SIRETs, keeping the first one: a SIRET already in the
 * directory keeps its name whoever writes next (no funder can rename a structure for the others).
 * One statement per chunk, atomic under concurrent writes (INSERT … ON CONFLICT, on SQLite and
 * PostgreSQL alike); a SIRET known only from SIRENE gets its first recorded name too.
 */
export async function recordStructureNames(
  m: EntityManager,
  names: readonly StructureName[],
  recordedBy: string,
  demo = false,
): Promise<void> {
  const first = new Map<string, string>();
  for (const { siret, name } of names) if (!first.has(siret) && name.trim()) first.set(siret, name.trim());
  const postgres = m.connection.options.type === "postgres";
  // in SIRET order, as the funders' structure rows: two writers of overlapping SIRETs cannot deadlock
  for (const sirets of chunks([...first.keys()].sort())) {
    const params: unknown[] = [];
    const placeholder = (value: unknown) => {
      params.push(value);
      return postgres ? `$${params.length}` : "?";
    };
    // better-sqlite3 binds no booleans
    const values = sirets.map(
      (siret) =>
        `(${placeholder(siret)}, ${placeholder(first.get(siret))}, ${placeholder(recordedBy)}, ${placeholder(postgres ? demo : Number(demo))})`,
    );
    await m.query(
      `INSERT INTO structure_directory (siret, recorded_name, recorded_by, demo) VALUES ${values.join(", ")}
       ON CONFLICT (siret) DO UPDATE SET recorded_name = excluded.recorded_name, recorded_by = excluded.recorded_by
       WHERE structure_directory.recorded_name IS NULL`,
      params,
    );
  }
}
