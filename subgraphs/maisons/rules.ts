import { Actor } from "../platform/auth/organisation";
import { forbidden, requireActor } from "../platform/auth/policy";
import { Cents } from "../domain/money";
import { Violations } from "../domain/rules/violations";
import { TEXT_LIMITS } from "../domain/rules/limits";
import { findRegion } from "../domain/reference/cog";
import { LABELLING_CRITERIA } from "../domain/reference/labelling-criteria";
import { territoryDepartment } from "./loaders";
import type { BudgetLineInput, CriterionInput, MaisonProjectInput } from "./inputs";

/** The forecast budget covers 2024 and 2025 only (instruction of 25 October 2024). */
export const BUDGET_YEARS = [2024, 2025] as const;

const SHEET_FIELDS = [
  ["objectives", "Les objectifs"],
  ["actions", "Les actions prévues"],
  ["governance", "La gouvernance"],
  ["resources", "Les moyens"],
  ["phasing", "Le phasage"],
  ["evaluation", "Le suivi et l'évaluation"],
] as const;

/** The five overseas territories are the only ones of the Maisons. */
export function checkMaisonTerritory(territory: string, v: Violations): boolean {
  return v.check(
    !!findRegion(territory)?.overseas,
    "territory",
    "MAISON_TERRITORY",
    `Les Maisons des 1000 premiers jours concernent les cinq territoires d'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte) ; « ${territory} » n'en est pas un.`,
  );
}

/**
 * Who submits a Maison: the ARS of the territory, otherwise its DEETS or its CAF (instruction of
 * 25 October 2024). The national committee assesses and decides.
 */
export function requireSubmitter(actor: Actor | null, territory: string): Actor {
  const who = requireActor(actor);
  const o = who.organisation;
  const allowed =
    ((o.kind === "ars" || o.kind === "dreets") && o.region === territory) ||
    (o.kind === "caf" && o.department === territoryDepartment(territory));
  if (!allowed)
    throw forbidden(`Un projet de Maison est soumis par l'ARS, la DEETS ou la CAF du territoire ${territory} (jeton : ${o.id}).`);
  return who;
}

/** The rules of a project sheet (annex 1) and its forecast budget: every broken rule goes to `v`; the budget lines in cents. */
export function checkMaisonSheet(input: MaisonProjectInput, v: Violations): (BudgetLineInput & { cents: Cents | null })[] {
  v.text("title", input.title, "L'intitulé du projet");
  for (const [field, label] of SHEET_FIELDS) v.text(field, input[field], label, TEXT_LIMITS.sheet);
  if (v.check(input.carriers.length > 0, "carriers", "CARRIER_REQUIRED", "Au moins un porteur.")) {
    input.carriers.forEach((c, i) => {
      v.siret(`carriers[${i}].siret`, c.siret);
      v.text(`carriers[${i}].name`, c.name, "Le nom du porteur", TEXT_LIMITS.name);
    });
    v.check(
      new Set(input.carriers.map((c) => c.siret)).size === input.carriers.length,
      "carriers",
      "CARRIER_DUPLICATE",
      "Un porteur est indiqué deux fois.",
    );
  }
  v.check(input.budget.length > 0, "budget", "BUDGET_REQUIRED", "Le budget prévisionnel 2024-2025 est obligatoire.");
  const lines = input.budget.map((line, i) => {
    v.check(
      (BUDGET_YEARS as readonly number[]).includes(line.year),
      `budget[${i}].year`,
      "BUDGET_YEAR",
      "Les lignes du budget prévisionnel portent sur 2024 ou 2025.",
    );
    return { year: line.year, source: line.source, amount: line.amount, cents: v.amount(`budget[${i}].amount`, line.amount) };
  });
  v.projectRef("projectRef", input.projectRef);
  return lines;
}

/** An assessment names known criteria of the grid (annex 2), each once. */
export function checkCriteria(criteria: readonly CriterionInput[], v: Violations): void {
  const known = new Set(LABELLING_CRITERIA.map((c) => c.code));
  const unknown = criteria.filter((c) => !known.has(c.code)).map((c) => c.code);
  v.check(
    unknown.length === 0,
    "criteria",
    "CRITERION_UNKNOWN",
    `Critère(s) inconnu(s) de la grille : ${unknown.join(", ")} (voir labellingCriteria).`,
  );
  v.check(
    new Set(criteria.map((c) => c.code)).size === criteria.length,
    "criteria",
    "CRITERION_DUPLICATE",
    "Un critère est évalué deux fois.",
  );
  v.check(criteria.length > 0, "criteria", "CRITERION_REQUIRED", "Au moins un critère.");
}

/** A project is labelled only once every criterion of the grid is assessed: the refusal, or null. */
export const labellingIncompleteMessage = (assessed: number): string | null =>
  assessed < LABELLING_CRITERIA.length
    ? `Un projet n'est labellisé qu'une fois les ${LABELLING_CRITERIA.length} critères de la grille évalués (${assessed} évalués).`
    : null;
