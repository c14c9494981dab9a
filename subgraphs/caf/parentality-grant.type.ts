import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Axis, FundingSource } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { ParentalityGrantRow } from "./parentality-grant.entity";
import type { ListedRow } from "../funding-lines/funder";

/** A CAF grant as the API shows it; its department, structure and dossier come from the funding-lines block. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "Subvention d'une CAF à une structure, pour une année, sur l'un de ses fonds (FNP, REAAP, LAEP, FPT, FIPE)." })
export class ParentalityGrant {
  @Field(() => ID, { description: "Identifiant de la subvention." }) id: string;
  @Field(() => FundingSource, { description: "Fonds de la CAF." }) fund: FundingSource;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field({ description: "Objet de la subvention (action financée)." }) title: string;
  @Field(() => [Axis], { description: "Axes thématiques des 1000 premiers jours concernés, s'ils sont renseignés." }) axes: Axis[];
  row: ListedRow<ParentalityGrantRow>;
}

export const toGrant = (row: ListedRow<ParentalityGrantRow>): ParentalityGrant => ({
  id: String(row.id),
  fund: row.fund,
  amount: centsToEuros(row.amountCents),
  year: row.year,
  title: row.title,
  axes: row.axes,
  row,
});
