import { Field, Float } from "type-graphql";
import { Axis } from "../enums";
import { AMOUNT_CEILING_CENTS, TEXT_LIMITS } from "../rules/limits";
import { formatEuros } from "../rules/violations";
import { SEARCH_MIN_LENGTH } from "./filter.rules";

/**
 * The fields `addExplorerFilterFields` declares. The classes that receive them do not restate them
 * (no declaration merging): the rules and the SQL read them as `ExplorerFilterValues`.
 */
export interface ExplorerFilterFields {
  axes?: Axis[] | null;
  minAmount?: number | null;
  maxAmount?: number | null;
  text?: string | null;
}

const ceiling = formatEuros(AMOUNT_CEILING_CENTS);

/**
 * Declares on a list's filter input (HealthProjectFilter, SocialProjectFilter,
 * ParentalityGrantFilter) the explorer's fields every national list shares, described once.
 * Applied after the class's own fields (not by inheritance, which would list them first): the
 * existing fields keep their place in the schema. All optional, ANDed with each other and the rest.
 */
export function addExplorerFilterFields(target: { prototype: object }): void {
  const add = (name: keyof ExplorerFilterFields, type: () => unknown, description: string) =>
    Field(type as never, { nullable: true, description })(target.prototype, name);
  add("axes", () => [Axis], "Axes thématiques : les lignes qui portent au moins l'un d'eux (liste non vide).");
  add("minAmount", () => Float, `Montant minimal en euros, inclus (positif ou nul, au plus deux décimales, au plus ${ceiling} €).`);
  add(
    "maxAmount",
    () => Float,
    `Montant maximal en euros, inclus (positif ou nul, au plus deux décimales, au plus ${ceiling} €, au moins minAmount).`,
  );
  add(
    "text",
    () => String,
    `Texte cherché dans l'intitulé (ou l'objet) et dans le nom de la structure tel que le financeur l'a enregistré, sans tenir compte des majuscules ni des accents : « equipe » trouve « Équipe ». Espaces du début et de la fin retirés, ${SEARCH_MIN_LENGTH} à ${TEXT_LIMITS.search.max} caractères.`,
  );
}
