import { EntityManager } from "typeorm";
import { Actor } from "../auth/organisation";
import { audit } from "../audit/audit";
import { centsToEuros, sumCents } from "../../domain/money";
import { chunks } from "./chunks";
import { ImportReport } from "./report";
import { upsertStructures } from "./structures";
import { StructureDirectory } from "../directory/client";
import type { ImportDefinition, ImportProgress } from "./run";

/**
 * Writes the checked rows of an accepted file, in the import's transaction: their structures, the
 * rows in chunks, one audit entry for the whole file, then the directory; the report says what was written.
 */
export async function writeRows<T>(
  m: EntityManager,
  directory: StructureDirectory,
  definition: ImportDefinition<T>,
  values: T[],
  actor: Actor,
  fileName: string,
  report: ImportReport,
  onProgress: ImportProgress,
): Promise<void> {
  const maxId = async () =>
    Number(
      (await m.getRepository(definition.table).createQueryBuilder("r").select("MAX(r.id)", "max").getRawOne<{ max: unknown }>())?.max ?? 0,
    );
  const before = await maxId();
  const structures = new Map(
    values.map((value) => {
      const s = definition.structure(value);
      return [s.siret, s.name.trim()];
    }),
  );
  await upsertStructures(m, structures);
  let done = 0;
  for (const chunk of chunks(values)) {
    await definition.insert(m, chunk);
    done += chunk.length;
    onProgress("écriture", done, values.length);
  }
  const after = await maxId();
  report.totalCents = sumCents(values.map((v) => definition.amountCents(v)));
  for (const value of values) {
    const year = String(definition.year(value));
    report.totalsByYear[year] = (report.totalsByYear[year] ?? 0) + definition.amountCents(value);
  }
  await audit(m, actor, definition.operation, definition.entity, `${before + 1}-${after}`, {
    file: fileName,
    rows: values.length,
    totalAmount: centsToEuros(report.totalCents),
    totalsByYear: Object.fromEntries(Object.entries(report.totalsByYear).map(([y, c]) => [y, centsToEuros(c)])),
    firstId: before + 1,
    lastId: after,
  });
  // last, once every step that can fail has run: the directory knows the file's SIRETs before the
  // import commits (hub down: nothing written); the hub keeps a name even if this commit then fails
  await directory.record(
    actor,
    [...structures].map(([siret, name]) => ({ siret, name })),
  );
  report.written = values.length;
  report.accepted = true;
  report.changes = definition.changes(values);
}
