/**
 * The explorer's filters as URL parameters of the CSV exports, in French (annee, region,
 * departement, axes, statuts, fonds, montant_min, montant_max, texte), turned into the graph's
 * filter input. Checked here with the rules the graph applies (subgraphs/domain/explorer), named
 * by their parameter: a bad value is a French 400 before any call to the graph.
 */
import { GraphQLError } from "graphql";
import { Axis, AXES_IN_ORDER, axisFromNumber, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { checkExplorerFilter, ExplorerFilterValues } from "../../subgraphs/domain/explorer/filter.rules";
import { Violations } from "../../subgraphs/domain/rules/violations";
import { ExportError } from "./gateway-client";
import { parseYear } from "./exports";

/** Parameter of each filter field. */
const PARAMETERS = {
  year: "annee",
  region: "region",
  department: "departement",
  axes: "axes",
  statuses: "statuts",
  funds: "fonds",
  minAmount: "montant_min",
  maxAmount: "montant_max",
  text: "texte",
} as const;
type FilterField = keyof typeof PARAMETERS;
const names: Partial<Record<string, string>> = PARAMETERS;
const parameterOf = (field: string) => names[field] ?? field;

export const LAUREATE_PARAMETERS: readonly FilterField[] = [
  "year",
  "region",
  "department",
  "axes",
  "statuses",
  "minAmount",
  "maxAmount",
  "text",
];
export const GRANT_PARAMETERS: readonly FilterField[] = ["year", "region", "department", "funds", "axes", "minAmount", "maxAmount", "text"];

/** A comma-separated list of enum values; an axis may also be given by its number (1 to 6), as the CSV writes it. */
function list<T extends string>(
  v: Violations,
  field: FilterField,
  raw: string,
  values: readonly T[],
  unknown: string,
  byNumber?: (n: number) => T,
): T[] {
  const items = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const parsed: T[] = [];
  for (const item of items) {
    const value =
      /^\d$/.test(item) && byNumber && Number(item) >= 1 && Number(item) <= values.length
        ? byNumber(Number(item))
        : values.find((x) => x === item.toUpperCase());
    if (value) parsed.push(value);
    else
      v.add(
        parameterOf(field),
        "FILTER_VALUE_UNKNOWN",
        `${unknown} « ${item} » : ${values.join(", ")}${byNumber ? ` (ou leur numéro, de 1 à ${values.length})` : ""}.`,
      );
  }
  return parsed;
}

/** An amount in euros, "1234.56" or "1234,56" (a French spreadsheet's way). */
function amount(v: Violations, field: FilterField, raw: string): number | null {
  const normalised = raw.trim().replace(",", ".");
  if (
    v.check(
      /^-?\d+(\.\d+)?$/.test(normalised),
      parameterOf(field),
      "AMOUNT_NOT_A_NUMBER",
      `Montant illisible « ${raw} » : des chiffres, et au plus deux décimales après une virgule ou un point (par exemple 1500,50).`,
    )
  )
    return Number(normalised);
  return null;
}

/**
 * The graph's filter from the URL's parameters: only those of `allowed`, each at most once, every
 * broken rule listed in one 400. `year` is required when `yearRequired`.
 */
export function filterFromParameters(
  params: URLSearchParams,
  allowed: readonly FilterField[],
  yearRequired: boolean,
): Record<string, unknown> & ExplorerFilterValues {
  const v = new Violations();
  const names = allowed.map((f) => PARAMETERS[f]);
  for (const key of new Set(params.keys())) {
    if (!(names as string[]).includes(key))
      v.add(key, "PARAMETER_UNKNOWN", `Paramètre inconnu « ${key} » ; paramètres admis : ${names.join(", ")}.`);
    else if (params.getAll(key).length > 1)
      v.add(
        key,
        "PARAMETER_REPEATED",
        `Le paramètre « ${key} » est donné plusieurs fois : une fois, les valeurs séparées par des virgules.`,
      );
  }
  const raw = (field: FilterField) => (allowed.includes(field) ? params.get(PARAMETERS[field]) : null);
  // the year first, with today's message (a 400 of its own, as before the explorer's filters)
  const year = parseYear(raw("year"), yearRequired);
  const filter: Record<string, unknown> = year === null ? {} : { year };
  for (const field of ["region", "department", "text"] as const) {
    const value = raw(field);
    if (value !== null && value !== "") filter[field] = value;
  }
  const axes = raw("axes");
  if (axes) filter.axes = list(v, "axes", axes, AXES_IN_ORDER as Axis[], "Axe inconnu", axisFromNumber);
  const statuses = raw("statuses");
  if (statuses) filter.statuses = list(v, "statuses", statuses, Object.values(GrantStatus), "État inconnu");
  const funds = raw("funds");
  if (funds) filter.funds = list(v, "funds", funds, Object.values(FundingSource), "Fonds inconnu");
  for (const field of ["minAmount", "maxAmount"] as const) {
    const value = raw(field);
    if (value) filter[field] = amount(v, field, value);
  }
  if (v.empty) checkExplorerFilter(filter, v, parameterOf);
  try {
    v.throwIfAny();
  } catch (error) {
    throw new ExportError((error as GraphQLError).message, 400);
  }
  return filter;
}
