/**
 * The rules of the explorer's filters, written once for every national list (healthProjects,
 * socialProjects, parentalityGrants) and for the CSV exports that follow them: the same French
 * message for the same mistake, whether it comes from GraphQL or from a URL parameter.
 */
import { Axis } from "../enums";
import { AmountError, Cents, eurosToCents } from "../money";
import { AMOUNT_CEILING_CENTS, codePoints, TEXT_LIMITS, textViolation } from "../rules/limits";
import { formatEuros, Violations } from "../rules/violations";
import { containsPattern, foldText } from "./fold";

/** The shortest searched text: one letter matches nearly everything. */
export const SEARCH_MIN_LENGTH = 2;

export interface ExplorerFilterValues {
  region?: string | null;
  department?: string | null;
  axes?: readonly Axis[] | null;
  minAmount?: number | null;
  maxAmount?: number | null;
  text?: string | null;
}

/** What the SQL of a list needs, once the rules passed: cents, a LIKE pattern, lists without repeats. */
export interface CheckedExplorerFilter {
  axes: Axis[] | null;
  minCents: Cents | null;
  maxCents: Cents | null;
  /** `containsPattern` of the folded text, or null. */
  textPattern: string | null;
}

/** How a rule names the field it refuses: `filter.minAmount` in GraphQL, `montant_min` in a URL. */
export type FieldName = (field: string) => string;
export const graphqlFilterField: FieldName = (field) => `filter.${field}`;

/** A searched text: trimmed, 2 to 100 characters, one line. Its LIKE pattern, or null when refused. */
export function checkSearchText(v: Violations, field: string, text: string, label = "Le texte recherché"): string | null {
  const trimmed = text.trim();
  const broken = textViolation(trimmed, TEXT_LIMITS.search, label);
  if (broken) {
    v.add(field, broken.rule, broken.message);
    return null;
  }
  if (
    !v.check(
      codePoints(trimmed) >= SEARCH_MIN_LENGTH,
      field,
      "SEARCH_TOO_SHORT",
      `${label} compte au moins ${SEARCH_MIN_LENGTH} caractères (espaces du début et de la fin retirés) : « ${trimmed} ».`,
    )
  )
    return null;
  return containsPattern(foldText(trimmed));
}

/** A bound of an amount range in euros: non-negative, at most two decimals, within the ceiling of a line. */
function amountBound(v: Violations, field: string, euros: number, label: string): Cents | null {
  let cents: Cents;
  try {
    cents = eurosToCents(euros);
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    v.add(field, "AMOUNT_CENTS", `${label} (${euros} €) : ${error.message}`);
    return null;
  }
  if (!v.check(cents >= 0, field, "AMOUNT_NEGATIVE", `${label} ne peut pas être négatif (${euros} €).`)) return null;
  if (
    !v.check(
      cents <= AMOUNT_CEILING_CENTS,
      field,
      "AMOUNT_CEILING",
      `${label} dépasse le plafond d'une ligne, ${formatEuros(AMOUNT_CEILING_CENTS)} € : aucune ligne ne peut l'atteindre.`,
    )
  )
    return null;
  return cents;
}

/** A list filter given empty would match nothing: refused, so that a forgotten value never reads as "no result". */
export function checkNonEmpty<T>(v: Violations, field: string, values: readonly T[] | null | undefined, label: string): T[] | null {
  if (values == null) return null;
  if (!v.check(values.length > 0, field, "FILTER_LIST_EMPTY", `${label} : liste vide. Omettez le filtre pour ne pas filtrer.`)) return null;
  return [...new Set(values)];
}

/** Checks the filters every national list shares; each broken rule goes to `v`. */
export function checkExplorerFilter(
  filter: ExplorerFilterValues | null | undefined,
  v: Violations,
  name: FieldName = graphqlFilterField,
): CheckedExplorerFilter {
  const checked: CheckedExplorerFilter = { axes: null, minCents: null, maxCents: null, textPattern: null };
  if (!filter) return checked;
  if (filter.region != null) v.region(name("region"), filter.region);
  if (filter.department != null) v.department(name("department"), filter.department);
  checked.axes = checkNonEmpty(v, name("axes"), filter.axes, "Axes thématiques");
  if (filter.minAmount != null) checked.minCents = amountBound(v, name("minAmount"), filter.minAmount, "Le montant minimal");
  if (filter.maxAmount != null) checked.maxCents = amountBound(v, name("maxAmount"), filter.maxAmount, "Le montant maximal");
  if (checked.minCents !== null && checked.maxCents !== null) {
    v.check(
      checked.minCents <= checked.maxCents,
      name("minAmount"),
      "AMOUNT_RANGE",
      `Le montant minimal (${formatEuros(checked.minCents)} €) dépasse le montant maximal (${formatEuros(checked.maxCents)} €).`,
    );
  }
  if (filter.text != null) checked.textPattern = checkSearchText(v, name("text"), filter.text);
  return checked;
}
