/**
 * A department's credits from a CSV file (`npm run import -- credits`). Each row goes through the
 * rules of recordDepartmentalCredit (checkDepartmentalCredit); the file is written all or nothing.
 */
import { Actor } from "../platform/auth/organisation";
import { ImportDefinition } from "../platform/import/run";
import { normaliseColumn } from "../platform/import/csv";
import { lineImport } from "../funding-lines/import";
import { DepartmentalProgramme } from "./departmental-credit.entity";
import { DEPARTEMENTS } from "./departements.funder";
import { CheckedDepartmentalCredit, DEPARTMENTAL_PROGRAMMES, DepartmentalCreditInput, departmentOnlyMessage } from "./writes";

/** A programme by its code (PMI, PREVENTION_PROTECTION_CONTRACT…), case and separators ignored. */
export const readProgramme = (cell: string): DepartmentalProgramme | null =>
  DEPARTMENTAL_PROGRAMMES.find((p) => normaliseColumn(p) === normaliseColumn(cell)) ?? null;

/** The import of the credits of the department `actor` speaks for (cd:<department>). */
export function departmentalCreditImport(actor: Actor): ImportDefinition<CheckedDepartmentalCredit> {
  return lineImport<DepartmentalCreditInput, CheckedDepartmentalCredit>(
    DEPARTEMENTS,
    {
      kind: "credits",
      organisation: "cd",
      forbiddenMessage: (id) => `Seul un conseil départemental (cd:<département>) importe des crédits départementaux (jeton : ${id}).`,
      notOwnedMessage: departmentOnlyMessage,
      duplicateInFileMessage: (first) => `Ligne en double : même département, année, cadre, structure et objet que la ligne ${first}.`,
      layout: {
        name: "crédits départementaux",
        dateNames: ["date decision", "date deliberation"],
        own: [{ field: "programme", names: ["cadre", "programme"], required: true }],
        read(row) {
          const programme = readProgramme(row.text("programme"));
          if (!programme)
            row.v.unreadableCell(
              "programme",
              row.has("programme") ? "PROGRAMME_UNKNOWN" : "REQUIRED",
              row.has("programme")
                ? `Cadre inconnu « ${row.text("programme")} » : ${DEPARTMENTAL_PROGRAMMES.join(", ")}.`
                : "Le cadre du crédit est obligatoire.",
            );
          return { programme: programme ?? DepartmentalProgramme.OTHER };
        },
      },
    },
    actor,
  );
}
