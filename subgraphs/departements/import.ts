/**
 * A department's credits from a CSV file (`npm run import -- credits`). Each row goes through the
 * rules of recordDepartmentalCredit (checkDepartmentalCredit); the file is written all or nothing.
 */
import { mergeWriteChanges } from "../platform/cache/write-changes";
import { EntityManager } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { forbidden } from "../platform/auth/policy";
import { findDepartment } from "../domain/reference/cog";
import { ImportColumn, RowReader } from "../platform/import/columns";
import { ImportDefinition } from "../platform/import/run";
import { readDepartmentCode } from "../platform/import/values";
import { normaliseColumn } from "../platform/import/csv";
import { DepartmentalCreditRow, DepartmentalProgramme } from "./departmental-credit.entity";
import {
  CheckedDepartmentalCredit,
  checkDepartmentalCredit,
  DEPARTMENTAL_PROGRAMMES,
  departmentOnlyMessage,
  duplicateCreditMessage,
} from "./writes";

export const DEPARTMENTAL_CREDIT_COLUMNS: readonly ImportColumn[] = [
  { field: "department", names: ["departement", "code departement", "dep"] },
  { field: "year", names: ["annee", "exercice"] },
  { field: "date", names: ["date", "date decision", "date deliberation"] },
  { field: "programme", names: ["cadre", "programme"], required: true },
  { field: "siret", names: ["siret"], required: true },
  { field: "structureName", names: ["structure", "nom structure", "beneficiaire"], required: true },
  { field: "title", names: ["objet", "intitule", "titre"], required: true },
  { field: "amount", names: ["montant", "montant euros"], required: true },
  { field: "axes", names: ["axes"] },
  { field: "projectRef", names: ["reference dossier", "reference", "dossier"] },
];

/** A programme by its code (PMI, PREVENTION_PROTECTION_CONTRACT…), case and separators ignored. */
export const readProgramme = (cell: string): DepartmentalProgramme | null =>
  DEPARTMENTAL_PROGRAMMES.find((p) => normaliseColumn(p) === normaliseColumn(cell)) ?? null;

const keyOf = (k: CheckedDepartmentalCredit["key"]) => [k.departmentCode, k.year, k.programme, k.siret, k.title].join("\u0000");

/** The import of the credits of the department `actor` speaks for (cd:<department>). */
export function departmentalCreditImport(actor: Actor): ImportDefinition<CheckedDepartmentalCredit> {
  const organisation = actor.organisation;
  const department = organisation.kind === "cd" ? organisation.department : "";
  return {
    kind: "credits",
    operation: "importDepartmentalCredits",
    entity: "DepartmentalCredit",
    table: DepartmentalCreditRow,
    layouts: [
      {
        name: "crédits départementaux",
        columns: DEPARTMENTAL_CREDIT_COLUMNS,
        read(row: RowReader) {
          const programme = readProgramme(row.text("programme"));
          if (!programme)
            row.v.unreadableCell(
              "programme",
              row.has("programme") ? "PROGRAMME_UNKNOWN" : "REQUIRED",
              row.has("programme")
                ? `Cadre inconnu « ${row.text("programme")} » : ${DEPARTMENTAL_PROGRAMMES.join(", ")}.`
                : "Le cadre du crédit est obligatoire.",
            );
          let year = Number.NaN;
          if (row.has("year")) year = row.integer("year", "L'année");
          else if (row.has("date")) year = row.yearOfDate("date", "year");
          else
            row.v.unreadableCell(
              "year",
              "REQUIRED",
              "L'année (colonne « annee ») ou la date de la décision (colonne « date ») est obligatoire.",
            );
          const input = {
            department: row.has("department") ? readDepartmentCode(row.text("department")) : department,
            year,
            programme: programme ?? DepartmentalProgramme.OTHER,
            siret: row.text("siret"),
            structureName: row.text("structureName"),
            title: row.text("title"),
            amount: row.decimal("amount"),
            axes: row.axes("axes"),
            projectRef: row.optionalText("projectRef"),
          };
          const checked = checkDepartmentalCredit(input, row.v);
          if (findDepartment(input.department) && input.department !== department)
            row.v.add("department", "DEPARTMENT_NOT_OWNED", departmentOnlyMessage(input.department, actor));
          return row.v.empty ? checked : null;
        },
      },
    ],
    prepare() {
      if (organisation.kind !== "cd")
        throw forbidden(
          `Seul un conseil départemental (cd:<département>) importe des crédits départementaux (jeton : ${organisation.id}).`,
        );
    },
    key: (c) => keyOf(c.key),
    duplicateInFileMessage: (first) => `Ligne en double : même département, année, cadre, structure et objet que la ligne ${first}.`,
    async existingKeys(m: EntityManager) {
      const rows = await m.getRepository(DepartmentalCreditRow).find({
        select: { id: true, departmentCode: true, year: true, programme: true, siret: true, title: true },
        where: { departmentCode: department },
      });
      return new Map(rows.map((r) => [keyOf(r), r.id]));
    },
    duplicateMessage: duplicateCreditMessage,
    amountCents: (c) => c.amountCents,
    year: (c) => c.key.year,
    structure: (c) => ({ siret: c.key.siret, name: c.structureName }),
    changes: (credits) =>
      mergeWriteChanges([
        { departments: [department] },
        ...credits.map((c) => ({ structures: [c.key.siret], projects: c.projectRef ? [c.projectRef] : [], years: [c.key.year] })),
      ]),
    async insert(m, credits) {
      await m
        .createQueryBuilder()
        .insert()
        .into(DepartmentalCreditRow)
        .values(credits.map((c) => ({ ...c.key, amountCents: c.amountCents, axes: c.axes, projectRef: c.projectRef })))
        .updateEntity(false)
        .execute();
    },
  };
}
