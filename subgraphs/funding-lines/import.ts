/**
 * A funder's lines from a CSV file (`npm run import -- <kind>`), for the department its token
 * speaks for: every row through the mutation's rules, then ownership; the file written all or
 * nothing by the platform's import pipeline.
 */
import { EntityManager } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { forbidden } from "../platform/auth/policy";
import { mergeWriteChanges } from "../platform/cache/write-changes";
import { ImportColumn, RowReader } from "../platform/import/columns";
import { ImportDefinition, RowLayout } from "../platform/import/run";
import { readDepartmentCode } from "../platform/import/values";
import { findDepartment } from "../domain/reference/cog";
import type { AnyFundingLineFunder, CheckedFundingLine, FundingLineInput } from "./funder";

export interface LineImportDeclaration<Input extends FundingLineInput, Checked extends CheckedFundingLine> {
  kind: string;
  /** The organisation kind that imports (`caf` → caf:<department>), and its refusal of another token. */
  organisation: "caf" | "cd";
  forbiddenMessage(organisationId: string): string;
  /** Another token's department in a row. */
  notOwnedMessage(department: string, actor: Actor): string;
  duplicateInFileMessage(firstLine: number): string;
  /** The funder's layout: its name, its own columns (after department, year and date), how a row reads them. */
  layout: { name: string; dateNames: readonly string[]; own: readonly ImportColumn[]; read(row: RowReader): Partial<Input> };
  /** Other layouts, tried first (the CAF's SCDL files), given the department and the row check. */
  otherLayouts?(department: string, check: (input: Input, row: RowReader) => Checked | null): RowLayout<Checked>[];
}

/** The columns of a funder's file: the shared ones, its own after the date. */
export const lineColumns = (dateNames: readonly string[], own: readonly ImportColumn[]): ImportColumn[] => [
  { field: "department", names: ["departement", "code departement", "dep"] },
  { field: "year", names: ["annee", "exercice"] },
  { field: "date", names: ["date", ...dateNames] },
  ...own,
  { field: "siret", names: ["siret"], required: true },
  { field: "structureName", names: ["structure", "nom structure", "beneficiaire"], required: true },
  { field: "title", names: ["objet", "intitule", "titre"], required: true },
  { field: "amount", names: ["montant", "montant euros"], required: true },
  { field: "axes", names: ["axes"] },
  { field: "projectRef", names: ["reference dossier", "reference", "dossier"] },
];

/** The year of a row: its `annee` column, or the year of its decision's date. */
function readYear(row: RowReader): number {
  if (row.has("year")) return row.integer("year", "L'année");
  if (row.has("date")) return row.yearOfDate("date", "year");
  row.v.unreadableCell("year", "REQUIRED", "L'année (colonne « annee ») ou la date de la décision (colonne « date ») est obligatoire.");
  return Number.NaN;
}

export function lineImport<Input extends FundingLineInput, Checked extends CheckedFundingLine>(
  funder: AnyFundingLineFunder,
  declaration: LineImportDeclaration<Input, Checked>,
  actor: Actor,
): ImportDefinition<Checked> {
  const organisation = actor.organisation;
  const department = organisation.kind === declaration.organisation ? organisation.department : "";
  const keyOf = (line: Record<string, unknown>) => funder.key.map((k) => line[k]).join("\u0000");
  const check = (input: Input, row: RowReader) => {
    const checked = funder.writes.check(input, row.v) as Checked | null;
    if (findDepartment(input.department) && input.department !== department)
      row.v.add("department", "DEPARTMENT_NOT_OWNED", declaration.notOwnedMessage(input.department, actor));
    return row.v.empty ? checked : null;
  };
  const { layout } = declaration;
  const native: RowLayout<Checked> = {
    name: layout.name,
    columns: lineColumns(layout.dateNames, layout.own),
    read(row) {
      const own = layout.read(row);
      const input = {
        department: row.has("department") ? readDepartmentCode(row.text("department")) : department,
        year: readYear(row),
        ...own,
        siret: row.text("siret"),
        structureName: row.text("structureName"),
        title: row.text("title"),
        amount: row.decimal("amount"),
        axes: row.axes("axes"),
        projectRef: row.optionalText("projectRef"),
      };
      return check(input as Input, row);
    },
  };
  return {
    kind: declaration.kind,
    operation: `import${funder.graphql.typeName}s`,
    entity: funder.graphql.typeName,
    table: funder.row,
    layouts: [...(declaration.otherLayouts?.(department, check) ?? []), native],
    prepare() {
      if (organisation.kind !== declaration.organisation) throw forbidden(declaration.forbiddenMessage(organisation.id));
    },
    key: (line) => keyOf(line.key),
    duplicateInFileMessage: (first) => declaration.duplicateInFileMessage(first),
    async existingKeys(m: EntityManager) {
      const select = Object.fromEntries(["id", ...funder.key].map((k) => [k, true]));
      const rows = await m.getRepository<Record<string, unknown>>(funder.row).find({ select, where: { departmentCode: department } });
      return new Map(rows.map((r) => [keyOf(r), r.id as number]));
    },
    duplicateMessage: (id) => funder.writes.duplicateMessage(id),
    amountCents: (line) => line.amountCents,
    year: (line) => line.key.year,
    structure: (line) => ({ siret: line.key.siret, name: line.structureName }),
    changes: (lines) =>
      mergeWriteChanges([
        { departments: [department] },
        ...lines.map((l) => ({ structures: [l.key.siret], projects: l.projectRef ? [l.projectRef] : [], years: [l.key.year] })),
      ]),
    async insert(m, lines) {
      const values = lines.map((l) => ({ ...l.key, amountCents: l.amountCents, axes: l.axes, projectRef: l.projectRef }));
      await m.createQueryBuilder().insert().into(funder.row).values(values).updateEntity(false).execute();
    },
  };
}
