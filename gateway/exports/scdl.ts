/**
 * A funder's grants as an SCDL "subventions" 2.1.1 file: one line per grant (each grant has a
 * single beneficiary). What the hub does not record is written as follows, and nowhere else:
 *
 * - dateConvention: not recorded → 1 January of the funding year (annual conventions);
 * - datesPeriodeVersement: not recorded → the funding year as a period, AAAA-01-01/AAAA-12-31
 *   (the schema's form when the exact date is unknown);
 * - conditionsVersement: not recorded → "unique" (one annual payment assumed);
 * - referenceDecision: the hub's identifier of the grant ("ARS-52-123"), the decision act's own
 *   reference not being recorded;
 * - nature "aide en numéraire" (money), notificationUE "non" (no de minimis aid notified to the
 *   European Commission), pourcentageSubvention 1.00 (one beneficiary), idRAE, rnaBeneficiaire
 *   and dispositifAide empty;
 * - idAttribuant: see grantors.ts (fictitious SIRETs until partners give theirs).
 */
import { eurosToCents } from "../../subgraphs/domain/money";
import { FunderGrant } from "./funder-grants";
import { Grantor } from "./grantors";
import { SCDL_COLUMNS, ScdlRecord } from "./scdl-schema";
import { escapedAsFormula, exportCsv } from "./csv";

/** How the SCDL `objet` names the money's origin. */
const SOURCE_NAMES: Record<string, string> = {
  FIR: "Fonds d'intervention régional (FIR)",
  P304_17: "Programme 304 action 17",
  P304_19: "Programme 304 action 19",
  CAF_FNP: "Fonds national parentalité",
  CAF_REAAP: "REAAP",
  CAF_LAEP: "LAEP",
  CAF_FPT: "Fonds publics et territoires",
  FIPE: "Fonds d'innovation pour la petite enfance (FIPE)",
};

/** Euros as SCDL writes them: a dot, always two decimals, exact from integer cents. */
export function scdlAmount(euros: number): string {
  const cents = eurosToCents(euros);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function scdlObject(grant: FunderGrant): string {
  const origin = `${SOURCE_NAMES[grant.source] ?? grant.source}, 1000 premiers jours ${grant.year}`;
  // 256 characters in the file: the quote that neutralises a formula counts
  return truncate(`${grant.title} (${origin})`, escapedAsFormula(grant.title) ? 255 : 256);
}

export function scdlRecord(grantor: Grantor, grant: FunderGrant): ScdlRecord {
  return {
    nomAttribuant: grantor.name,
    idAttribuant: grantor.siret,
    dateConvention: `${grant.year}-01-01`,
    referenceDecision: `${grantor.kind.toUpperCase()}-${grantor.territory}-${grant.id}`,
    nomBeneficiaire: grant.beneficiary.name ?? `Structure ${grant.beneficiary.siret}`,
    idBeneficiaire: grant.beneficiary.siret,
    rnaBeneficiaire: "",
    objet: scdlObject(grant),
    montant: scdlAmount(grant.amount),
    nature: "aide en numéraire",
    conditionsVersement: "unique",
    datesPeriodeVersement: `${grant.year}-01-01/${grant.year}-12-31`,
    idRAE: "",
    notificationUE: "non",
    pourcentageSubvention: "1.00",
    dispositifAide: "",
  };
}

/** The CSV: a header of the 16 columns in the schema's order, comma, UTF-8 without BOM, LF line ends, formulas neutralised. */
export function scdlCsv(grantor: Grantor, grants: readonly FunderGrant[]): string {
  return exportCsv(
    grants.map((g) => scdlRecord(grantor, g)),
    SCDL_COLUMNS,
    ["montant", "pourcentageSubvention"],
  );
}

export const scdlFileName = (grantor: Grantor, year: number | null) =>
  `subventions-scdl-${grantor.kind}-${grantor.territory}${year === null ? "" : `-${year}`}.csv`;
