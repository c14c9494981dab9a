/**
 * An SCDL "subventions" 2.1.1 file (the hub's own export, gateway/exports/scdl.ts, or a CAF's
 * open-data file written the same way) read as CAF grants. The mapping of SCDL columns to grant
 * fields is here and nowhere else:
 *
 * - idBeneficiaire → siret, nomBeneficiaire → structureName, montant → amount;
 * - objet "<title> (<fund's name>, 1000 premiers jours <year>)" → title, fund, year (how the export
 *   writes it); an objet in another form is refused (the fund cannot be known);
 * - dateConvention → year, when the objet does not give it;
 * - department: the importing CAF's (the grantor of the file); axes and dossier reference: none
 *   (SCDL does not carry them).
 * Other SCDL columns (nomAttribuant, idAttribuant, referenceDecision, nature…) are not recorded.
 */
import { FundingSource } from "../domain/enums";
import { ImportColumn, RowReader } from "../platform/import/columns";
import { RowLayout } from "../platform/import/run";
import { normaliseColumn } from "../platform/import/csv";
import { FORMULA_START } from "../domain/rules/csv-formulas";
import { CheckedParentalityGrant, ParentalityGrantInput } from "./writes";

/** The names the SCDL export gives the funds in `objet` (gateway/exports/scdl.ts, SOURCE_NAMES). */
export const SCDL_FUND_NAMES: Readonly<Record<string, FundingSource>> = {
  "Fonds national parentalité": FundingSource.CAF_FNP,
  REAAP: FundingSource.CAF_REAAP,
  LAEP: FundingSource.CAF_LAEP,
  "Fonds publics et territoires": FundingSource.CAF_FPT,
  "Fonds d'innovation pour la petite enfance (FIPE)": FundingSource.FIPE,
  "Fonds d'intervention régional (FIR)": FundingSource.FIR,
  "Programme 304 action 17": FundingSource.P304_17,
  "Programme 304 action 19": FundingSource.P304_19,
};

export const SCDL_GRANT_COLUMNS: readonly ImportColumn[] = [
  { field: "siret", names: ["idBeneficiaire"], required: true },
  { field: "structureName", names: ["nomBeneficiaire"], required: true },
  { field: "title", names: ["objet"], required: true },
  { field: "amount", names: ["montant"], required: true },
  { field: "year", names: ["dateConvention"], required: true },
];

/** "Groupes de parole (Fonds national parentalité, 1000 premiers jours 2021)" → its parts. */
export function readScdlObject(objet: string): { title: string; fund: FundingSource; year: number } | null {
  const match = /^(.*) \((.+), 1000 premiers jours (\d{4})\)$/s.exec(objet);
  if (!match) return null;
  for (const [name, fund] of Object.entries(SCDL_FUND_NAMES)) {
    const suffix = ` (${name}, 1000 premiers jours ${match[3]})`;
    if (objet.endsWith(suffix)) return { title: objet.slice(0, -suffix.length), fund, year: Number(match[3]) };
  }
  return null;
}

/**
 * Undoes the export's formula neutralisation (gateway/exports/csv.ts, csv-stringify's
 * `escape_formulas`): a quote before a formula's first character (FORMULA_START: "=", "+", "-", "@",
 * a tab, a carriage return or a full-width form) was added by the export, so the round trip gives
 * back the recorded text.
 */
export const unescapeFormula = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

const SCDL_MARKERS = ["idbeneficiaire", "nombeneficiaire", "objet", "montant", "dateconvention"];

/** The SCDL layout of the CAF grant import, for the CAF of `department`. */
export function scdlGrantLayout(
  department: string,
  check: (input: ParentalityGrantInput, row: RowReader) => CheckedParentalityGrant | null,
): RowLayout<CheckedParentalityGrant> {
  return {
    name: "SCDL subventions 2.1.1",
    matches: (header) => SCDL_MARKERS.every((m) => header.includes(normaliseColumn(m))),
    columns: SCDL_GRANT_COLUMNS,
    read(row) {
      const objet = readScdlObject(unescapeFormula(row.text("title")));
      if (!objet && row.has("title")) {
        row.v.unreadableCell(
          "title",
          "SCDL_OBJECT",
          `Objet SCDL illisible « ${row.text("title")} » : « <intitulé> (<fonds>, 1000 premiers jours <année>) » attendu, le fonds parmi ${Object.keys(SCDL_FUND_NAMES).join(", ")}.`,
        );
        row.v.unreadableCell("fund", "SCDL_OBJECT", "Fonds inconnu : l'objet SCDL ne le nomme pas.");
      }
      const year = objet?.year ?? row.yearOfDate("year", "year");
      return check(
        {
          department,
          year,
          fund: objet?.fund ?? FundingSource.CAF_FNP,
          siret: row.text("siret"),
          structureName: unescapeFormula(row.text("structureName")),
          title: objet?.title ?? row.text("title"),
          amount: row.decimal("amount"),
          axes: null,
          projectRef: null,
        },
        row,
      );
    },
  };
}
