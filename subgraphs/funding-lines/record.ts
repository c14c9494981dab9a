/**
 * The write of one funding line, the same for every funder: its rules, then access, then in one
 * transaction the duplicate check, the structure, the line, the audit entry and the directory; the
 * changed answers are reported once it is committed. Nothing is written when a rule breaks.
 */
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { audit } from "../platform/audit/audit";
import { badInput } from "../platform/errors";
import { writeTransaction } from "../platform/db/write-transaction";
import { StructureDirectory } from "../platform/directory/client";
import { reportWriteChanges } from "../platform/cache/write-changes";
import { Violations } from "../domain/rules/violations";
import { upsertStructure } from "../domain/structure.entity";
import type { AnyFundingLineFunder, CheckedFundingLine, FundingLineInput, FundingLineRow } from "./funder";

export async function recordFundingLine<Row extends FundingLineRow>(
  funder: AnyFundingLineFunder<Row>,
  ds: DataSource,
  directory: StructureDirectory,
  actor: Actor | null,
  input: FundingLineInput,
): Promise<Row> {
  const v = new Violations();
  // access needs a known department: an unknown one is a broken rule, not a refusal
  if (!v.department("department", input.department)) v.throwIfAny();
  const who = funder.writes.requireWriter(actor, input.department);
  const { key, structureName, ...rest } = v.valueOrThrow<CheckedFundingLine>(funder.writes.check(input, v));
  const written = await writeTransaction(ds, async (m) => {
    const lines = m.getRepository<FundingLineRow>(funder.row);
    const duplicate = await lines.findOneBy(key);
    if (duplicate) throw badInput(funder.writes.duplicateMessage(duplicate.id), "title");
    await upsertStructure(m, input.siret, structureName);
    const line = (await lines.save(lines.create({ ...key, ...rest }))) as Row;
    await audit(m, who, funder.graphql.record.field, funder.graphql.typeName, line.id, input);
    await directory.record(who, [{ siret: input.siret, name: structureName }]);
    return line;
  });
  reportWriteChanges({
    departments: [key.departmentCode],
    structures: [key.siret],
    projects: rest.projectRef ? [rest.projectRef] : [],
    years: [key.year],
  });
  return written;
}
