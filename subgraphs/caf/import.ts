/**
 * A CAF's grants from a CSV file (`npm run import -- subventions`): the CAF's own columns, or an
 * SCDL subventions file (scdl-import.ts). Each row goes through the rules of
 * recordParentalityGrant (checkParentalityGrant); the file is written all or nothing.
 */
import { Actor } from "../platform/auth/organisation";
import { FundingSource, FUNDING_SOURCES_IN_ORDER } from "../domain/enums";
import { ImportDefinition } from "../platform/import/run";
import { normaliseColumn } from "../platform/import/csv";
import { lineImport } from "../funding-lines/import";
import { CAF } from "./caf.funder";
import { cafOnlyMessage, CheckedParentalityGrant, ParentalityGrantInput } from "./writes";
import { scdlGrantLayout } from "./scdl-import";

/** The funds by code (CAF_FNP) or by the name a CAF uses (FNP, REAAP, LAEP, FPT, FIPE). */
export function readFund(cell: string): FundingSource | null {
  const key = normaliseColumn(cell);
  return FUNDING_SOURCES_IN_ORDER.find((f) => normaliseColumn(f) === key || normaliseColumn(f) === `caf${key}`) ?? null;
}

/** The import of the grants of the CAF `actor` speaks for (caf:<department>). */
export function cafGrantImport(actor: Actor): ImportDefinition<CheckedParentalityGrant> {
  return lineImport<ParentalityGrantInput, CheckedParentalityGrant>(
    CAF,
    {
      kind: "subventions",
      organisation: "caf",
      forbiddenMessage: (id) => `Seule une CAF (caf:<département>) importe des subventions (jeton : ${id}).`,
      notOwnedMessage: cafOnlyMessage,
      duplicateInFileMessage: (first) => `Ligne en double : même CAF, année, fonds, structure et objet que la ligne ${first}.`,
      layout: {
        name: "CAF",
        dateNames: ["date decision", "date convention"],
        own: [{ field: "fund", names: ["fonds", "fund"], required: true }],
        read(row) {
          const fund = readFund(row.text("fund"));
          if (!fund)
            row.v.unreadableCell(
              "fund",
              row.has("fund") ? "FUND_UNKNOWN" : "REQUIRED",
              row.has("fund") ? `Fonds inconnu « ${row.text("fund")} » : FNP, REAAP, LAEP, FPT ou FIPE.` : "Le fonds est obligatoire.",
            );
          return { fund: fund ?? FundingSource.CAF_FNP };
        },
      },
      otherLayouts: (department, check) => [scdlGrantLayout(department, check)],
    },
    actor,
  );
}
