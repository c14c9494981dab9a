/**
 * The SCDL "subventions" schema, version 2.1.1 (OpenDataFrance, published on schema.data.gouv.fr:
 * scdl/subventions/2.1.1), as rules on one CSV record: the 16 columns in their order, required
 * values, patterns, allowed values and ranges of the schema's documentation, and its custom check
 * that a beneficiary is identified by a SIRET or an RNA number. CSV: comma, UTF-8, header row;
 * a missing value is the empty string.
 */
export const SCDL_SUBVENTIONS_VERSION = "2.1.1";

export const SCDL_COLUMNS = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "rnaBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention",
  "dispositifAide",
] as const;

export type ScdlColumn = (typeof SCDL_COLUMNS)[number];
export type ScdlRecord = Record<ScdlColumn, string>;

export const SCDL_NATURES = [
  "aide en numéraire",
  "aide en nature",
  "aide en numéraire;aide en nature",
  "aide en nature;aide en numéraire",
] as const;

const REQUIRED: readonly ScdlColumn[] = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "nomBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "notificationUE",
  "pourcentageSubvention",
];
const SIRET = /^\d{14}$/;
const RNA = /^W\d{9}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(\/[0-9]{4}-[0-9]{2}-[0-9]{2})?$/;
/** A table-schema number: a dot between the whole and decimal parts, no thousands separator. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A real calendar date written AAAA-MM-JJ (ISO 8601). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (
    date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
  );
}

/** The header must be the schema's columns, in the schema's order. */
export function scdlHeaderViolations(header: readonly string[]): string[] {
  const expected = SCDL_COLUMNS.join(",");
  return header.join(",") === expected ? [] : [`en-tête : colonnes attendues, dans cet ordre : ${expected} ; reçu : ${header.join(",")}`];
}

/** Every rule of the schema one record breaks, in French ("colonne : règle"). */
export function scdlRecordViolations(record: Partial<Record<string, string>>): string[] {
  const violations: string[] = [];
  const value = (column: ScdlColumn) => record[column] ?? "";
  for (const column of REQUIRED) if (value(column).trim() === "") violations.push(`${column} : valeur obligatoire`);
  const check = (column: ScdlColumn, ok: (v: string) => boolean, rule: string) => {
    const v = value(column);
    if (v !== "" && !ok(v)) violations.push(`${column} : ${rule} (reçu « ${v} »)`);
  };
  check("idAttribuant", (v) => SIRET.test(v), "SIRET de 14 chiffres attendu");
  check("dateConvention", isIsoDate, "date AAAA-MM-JJ attendue");
  check("idBeneficiaire", (v) => SIRET.test(v), "SIRET de 14 chiffres attendu");
  check("rnaBeneficiaire", (v) => RNA.test(v), "numéro RNA attendu (W suivi de 9 chiffres)");
  check("objet", (v) => v.length <= 256, "256 caractères au plus");
  check("montant", (v) => NUMBER.test(v), "nombre décimal avec un point attendu");
  check("nature", (v) => (SCDL_NATURES as readonly string[]).includes(v), `valeurs autorisées : ${SCDL_NATURES.join(" | ")}`);
  check("conditionsVersement", (v) => v.length <= 256, "256 caractères au plus");
  check(
    "datesPeriodeVersement",
    (v) => PERIOD.test(v) && v.split("/").every(isIsoDate),
    "date AAAA-MM-JJ ou période AAAA-MM-JJ/AAAA-MM-JJ attendue",
  );
  check("idRAE", (v) => v.length <= 5, "5 caractères au plus");
  check("notificationUE", (v) => v === "oui" || v === "non", "oui ou non attendu");
  check("pourcentageSubvention", (v) => NUMBER.test(v) && Number(v) >= 0.01 && Number(v) <= 1, "nombre décimal entre 0.01 et 1 attendu");
  if (value("idBeneficiaire") === "" && value("rnaBeneficiaire") === "")
    violations.push("idBeneficiaire ou rnaBeneficiaire : l'un des deux est obligatoire");
  return violations;
}
