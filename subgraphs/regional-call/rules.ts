import { Axis } from "../domain/enums";
import { Cents, centsToEuros } from "../domain/money";
import { departmentsOf, findDepartment } from "../domain/reference/cog";
import { formatEuros, Violations } from "../domain/rules/violations";
import { minimumAwardCents } from "../domain/reference/instructions";
import { isIsoDate } from "../domain/rules/formats";
import { TEXT_LIMITS } from "../domain/rules/limits";
import { CallRow } from "./call.entity";
import { AwardProjectInput, OpenCallInput } from "./inputs";

/** A laureate that passed every rule of its call: what is written. */
export interface CheckedAward {
  title: string;
  siret: string;
  structureName: string;
  departments: string[];
  axes: Axis[];
  amountCents: Cents;
  projectRef: string | null;
  description: string | null;
}

/**
 * The rules of one laureate of a call, without the database (shared by the mutation and the CSV
 * import): every broken rule goes to `v`; the laureate to write when none broke.
 */
export function checkAward(
  call: Pick<CallRow, "regionCode" | "axes">,
  input: Omit<AwardProjectInput, "callId">,
  v: Violations,
): CheckedAward | null {
  v.text("title", input.title, "L'intitulé du projet");
  v.text("structureName", input.structureName, "Le nom de la structure porteuse", TEXT_LIMITS.name);
  v.optionalText("description", input.description, "La description du projet", TEXT_LIMITS.description);
  v.siret("siret", input.siret);
  v.axes("axes", input.axes, call.axes);
  const amountCents = v.amount("amount", input.amount);
  if (v.check(input.departments.length > 0, "departments", "DEPARTMENT_REQUIRED", "Au moins un département où le projet se déroule.")) {
    const unknown = input.departments.filter((d) => !findDepartment(d));
    if (unknown.length > 0) v.add("departments", "DEPARTMENT_UNKNOWN", `Code(s) département inconnu(s) du COG : ${unknown.join(", ")}.`);
    const inRegion = departmentsOf(call.regionCode).map((d) => d.code);
    const outside = input.departments.filter((d) => !inRegion.includes(d) && !unknown.includes(d));
    v.check(
      outside.length === 0,
      "departments",
      "EXTRA_REGIONAL_PROJECT",
      `Les projets de portée extrarégionale sont exclus : département(s) ${outside.join(", ")} hors de la région ${call.regionCode}.`,
    );
    v.check(
      new Set(input.departments).size === input.departments.length,
      "departments",
      "DEPARTMENT_DUPLICATE",
      "Un département est indiqué deux fois.",
    );
  }
  v.projectRef("projectRef", input.projectRef);
  if (!v.empty || amountCents === null) return null;
  return {
    title: input.title.trim(),
    siret: input.siret,
    structureName: input.structureName.trim(),
    departments: input.departments,
    axes: input.axes,
    amountCents,
    projectRef: input.projectRef ?? null,
    description: input.description ?? null,
  };
}

/**
 * Two rules of the 2021 instruction (seed 000, §3) on a call being opened. Its envelope allows the
 * minimum award: "au moins 100 000 € au(x) projet(s) lauréat(s) – 200 000 € en cas d'appels à projets
 * communs ARS-DREETS", each ARS and DREETS bringing its own envelope (pooled for a joint call): so
 * one side's envelope holds at least 100 000 €, joint or not, and the two sides of a joint call
 * together at least 200 000 €. Its results are not due before its submission deadline.
 */
export function checkCallCalendarAndEnvelope(
  input: Pick<OpenCallInput, "joint" | "deadline" | "resultsDue">,
  envelopeCents: Cents | null,
  datesReadable: boolean,
  v: Violations,
): void {
  const minimum = minimumAwardCents(false);
  if (envelopeCents !== null) {
    v.check(
      envelopeCents >= minimum,
      "envelope",
      "ENVELOPE_BELOW_MINIMUM_AWARD",
      `L'enveloppe d'un appel à projets permet la dotation d'au moins ${formatEuros(minimum)} € aux lauréats (instruction SGMCAS/2021/74)${input.joint ? " ; un appel commun ARS-DREETS réunit deux enveloppes d'au moins 100 000 € chacune, 200 000 € au moins" : ""}.`,
    );
  }
  if (datesReadable && input.deadline && input.resultsDue) {
    v.check(
      input.resultsDue >= input.deadline,
      "resultsDue",
      "RESULTS_BEFORE_DEADLINE",
      `La date prévisionnelle des résultats (${input.resultsDue}) ne peut précéder la date limite de dépôt des projets (${input.deadline}).`,
    );
  }
}

/**
 * The rules of a call being opened, once its region is known and its body authorised: every broken
 * rule refused at once; the envelope, in cents, when none broke.
 */
export function checkOpenCall(input: OpenCallInput, v: Violations): Cents {
  v.year("year", input.year);
  v.text("title", input.title, "L'intitulé de l'appel");
  v.axes("axes", input.axes);
  const envelopeCents = v.amount("envelope", input.envelope);
  const dates = (["deadline", "resultsDue"] as const).map((field) => {
    const value = input[field];
    return value == null || v.check(isIsoDate(value), field, "DATE_FORMAT", "Date attendue au format AAAA-MM-JJ.");
  });
  checkCallCalendarAndEnvelope(input, envelopeCents, dates.every(Boolean), v);
  return v.valueOrThrow(envelopeCents);
}

export const envelopeExceededMessage = (awarded: Cents, adding: Cents, envelope: Cents) =>
  `Les attributions dépasseraient l'enveloppe de l'appel : ${centsToEuros(awarded)} € déjà attribués + ${centsToEuros(adding)} € > ${centsToEuros(envelope)} €.`;

export const duplicateLaureateMessage = (id: number | string) =>
  `Ce projet est déjà lauréat de cet appel (identifiant ${id}) : même structure, même intitulé.`;
