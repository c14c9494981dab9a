import { Field, Float, Int, ObjectType } from "type-graphql";
import { FundingSource } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { crossFinancing, FundingLineData } from "../domain/financing/cross-financing";

@ObjectType({ description: "Montant d'une source de financement." })
class SourceAmount {
  @Field(() => FundingSource, { description: "Source de financement." }) source: FundingSource;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
}

@ObjectType({ description: "Total d'une année." })
class YearTotal {
  @Field(() => Int, { description: "Année." }) year: number;
  @Field(() => Float, { description: "Total de l'année en euros." }) total: number;
}

@ObjectType({ description: "Montant apporté par un financeur." })
class FunderAmount {
  @Field({ description: "Financeur (organisme et territoire)." }) funder: string;
  @Field(() => Float, { description: "Montant compté en euros (montants enregistrés et prévisions non remplacées)." }) amount: number;
  @Field(() => Float, {
    description: "Part de `amount` qui est encore une prévision (budget d'une Maison sans montant enregistré par ce financeur).",
  })
  forecastAmount: number;
  @Field(() => Float, {
    description:
      "Prévisions de ce financeur non comptées, en euros : il a enregistré le montant réel pour le même dossier, la même source et la même année.",
  })
  replacedForecastAmount: number;
}

@ObjectType({
  description:
    "Financements croisés : les lignes de tous les financeurs, toutes sources confondues (montants attribués et reconduits, hors projets retirés ; budgets des Maisons labellisées, remplacés par les montants enregistrés pour le même dossier). Complet seulement si chaque financeur a répondu : sinon `total` est nul et `partialTotal` donne la somme de ceux qui ont répondu.",
})
export class CrossFinancing {
  @Field(() => Float, {
    nullable: true,
    description:
      "Total en euros, quand il est complet ; nul quand un financeur manque (voir `complete`, `partialTotal`, `missingFunders`).",
  })
  total: number | null;
  @Field({ description: "Vrai quand chaque financeur enregistré a répondu ; faux : les chiffres ne sont qu'une partie du total." })
  complete: boolean;
  @Field(() => [String], {
    description:
      "Les financeurs (sous-graphes) dont la contribution manque : en panne, trop lents ou en erreur. Vide quand le total est complet.",
  })
  missingFunders: string[];
  @Field(() => Float, {
    description: "Somme des financeurs qui ont répondu, en euros : égale à `total` quand il est complet, une partie seulement sinon.",
  })
  partialTotal: number;
  @Field(() => Float, {
    description: "Part du total qui est encore une prévision (budgets des Maisons sans montant enregistré), en euros.",
  })
  forecastAmount: number;
  @Field(() => [SourceAmount], {
    description: "Total par source, dans l'ordre de l'énumération FundingSource (financeurs qui ont répondu).",
  })
  bySource: SourceAmount[];
  @Field(() => [YearTotal], { description: "Total par année, années croissantes (financeurs qui ont répondu)." }) byYear: YearTotal[];
  @Field(() => [String], { description: "Les financeurs qui cofinancent, par ordre alphabétique." }) funders: string[];
  @Field(() => [FunderAmount], { description: "Total par financeur, avec ses prévisions comptées et remplacées." })
  byFunder: FunderAmount[];
}

/** The figure of an entity from the funders' lines; null total when a funder is missing (`missingFunders`). */
export const toCrossFinancing = (lines: FundingLineData[], missingFunders: string[], year?: number | null): CrossFinancing => {
  const data = crossFinancing(lines, year);
  const complete = missingFunders.length === 0;
  return {
    total: complete ? centsToEuros(data.totalCents) : null,
    complete,
    missingFunders,
    partialTotal: centsToEuros(data.totalCents),
    forecastAmount: centsToEuros(data.forecastCents),
    bySource: data.bySource.map((s) => ({ source: s.source, amount: centsToEuros(s.cents) })),
    byYear: data.byYear.map((y) => ({ year: y.year, total: centsToEuros(y.totalCents) })),
    funders: data.funders,
    byFunder: data.byFunder.map((f) => ({
      funder: f.funder,
      amount: centsToEuros(f.cents),
      forecastAmount: centsToEuros(f.forecastCents),
      replacedForecastAmount: centsToEuros(f.replacedForecastCents),
    })),
  };
};
