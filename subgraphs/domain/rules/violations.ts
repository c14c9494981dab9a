import { GraphQLError } from "graphql";
import { Axis } from "../enums";
import { AmountError, Cents, eurosToCents } from "../money";
import { isValidSiret } from "../siret";
import { findDepartment, findRegion } from "../reference/cog";
import { validProjectRef } from "./formats";
import { AMOUNT_CEILING_CENTS, TEXT_LIMITS, TextLimit, textViolation } from "./limits";

/** First and last year the hub accepts: the policy's first calls (2021) to the 2024–2030 roadmap. */
export const POLICY_FIRST_YEAR = 2021;
export const POLICY_LAST_YEAR = 2030;

/** An amount in cents as French messages write it: "100 000" (a plain space between thousands, no narrow no-break space). */
export const formatEuros = (cents: Cents) => new Intl.NumberFormat("fr-FR").format(cents / 100).replace(/\u202f/g, " ");

export interface Violation {
  field: string;
  rule: string;
  message: string;
}

/**
 * Collects every broken rule of a write, then refuses it at once: one BAD_USER_INPUT error whose
 * message lists the rules in French, with the details in extensions.violations. Nothing is written.
 */
export class Violations {
  private readonly list: Violation[] = [];

  add(field: string, rule: string, message: string): this {
    this.list.push({ field, rule, message });
    return this;
  }
  check(condition: boolean, field: string, rule: string, message: string): boolean {
    if (!condition) this.add(field, rule, message);
    return condition;
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  throwIfAny(): void {
    if (this.empty) return;
    throw new GraphQLError(this.list.map((v) => `${v.message} (${v.field})`).join(" ; "), {
      extensions: { code: "BAD_USER_INPUT", violations: this.list },
    });
  }
  /** Throws the broken rules if any, else returns what the checks produced (null there with no broken rule is a bug of the checks). */
  valueOrThrow<T>(value: T | null): T {
    this.throwIfAny();
    if (value === null) throw new Error("Aucune règle enfreinte, mais la vérification n'a rien produit à écrire.");
    return value;
  }

  /** Amount in euros: positive, at most two decimals. Returns cents, or null when refused. */
  amount(field: string, euros: number): Cents | null {
    try {
      const cents = eurosToCents(euros);
      if (!this.check(cents > 0, field, "AMOUNT_POSITIVE", "Le montant doit être strictement positif.")) return null;
      if (
        this.check(
          cents <= AMOUNT_CEILING_CENTS,
          field,
          "AMOUNT_CEILING",
          `Un montant ne dépasse pas ${formatEuros(AMOUNT_CEILING_CENTS)} € par ligne (plafond du hub contre les erreurs de saisie ; le FIPE national 2023 est de 10 M€).`,
        )
      )
        return cents;
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      this.add(field, "AMOUNT_CENTS", error.message);
    }
    return null;
  }
  siret(field: string, siret: string): boolean {
    return this.check(
      isValidSiret(siret),
      field,
      "SIRET_INVALID",
      `SIRET invalide « ${siret} » : 14 chiffres et clé de Luhn (règle particulière pour La Poste).`,
    );
  }
  /** An optional dossier reference (absent: nothing to check). */
  projectRef(field: string, ref: string | null | undefined): boolean {
    if (ref == null) return true;
    return this.check(
      validProjectRef(ref),
      field,
      "PROJECT_REF_FORMAT",
      "Référence de dossier : 1 à 64 caractères parmi lettres, chiffres, « - », « _ », « . ».",
    );
  }
  year(field: string, year: number): boolean {
    return this.check(
      Number.isInteger(year) && year >= POLICY_FIRST_YEAR && year <= POLICY_LAST_YEAR,
      field,
      "YEAR_RANGE",
      `L'année doit être comprise entre ${POLICY_FIRST_YEAR} et ${POLICY_LAST_YEAR}.`,
    );
  }
  region(field: string, code: string): boolean {
    return this.check(!!findRegion(code), field, "REGION_UNKNOWN", `Code région inconnu du COG : « ${code} ».`);
  }
  department(field: string, code: string): boolean {
    return this.check(!!findDepartment(code), field, "DEPARTMENT_UNKNOWN", `Code département inconnu du COG : « ${code} ».`);
  }
  /** A required text: not blank, within its limit (titles by default), no control character. */
  text(field: string, value: string | null | undefined, label: string, limit: TextLimit = TEXT_LIMITS.title): boolean {
    if (!this.check(!!value && value.trim().length > 0, field, "REQUIRED", `${label} est obligatoire.`)) return false;
    return this.optionalText(field, value, label, limit);
  }
  /** An optional text: when given, within its limit and without control characters. */
  optionalText(field: string, value: string | null | undefined, label: string, limit: TextLimit): boolean {
    const broken = value == null ? null : textViolation(value, limit, label);
    if (broken) this.add(field, broken.rule, broken.message);
    return !broken;
  }
  axes(field: string, axes: readonly Axis[], allowed?: readonly Axis[]): boolean {
    if (!this.check(axes.length > 0, field, "AXIS_REQUIRED", "Au moins un des 6 axes thématiques est obligatoire.")) return false;
    if (!this.check(new Set(axes).size === axes.length, field, "AXIS_DUPLICATE", "Un axe est indiqué deux fois.")) return false;
    if (!allowed) return true;
    const outside = axes.filter((a) => !allowed.includes(a));
    return this.check(
      outside.length === 0,
      field,
      "AXIS_NOT_RETAINED",
      `Axe(s) non retenu(s) par l'appel à projets : ${outside.join(", ")}.`,
    );
  }
}
