import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Axis } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { DepartmentalCreditRow, DepartmentalProgramme } from "./departmental-credit.entity";
import type { ListedRow } from "../funding-lines/funder";

registerEnumType(DepartmentalProgramme, {
  name: "DepartmentalProgramme",
  description: "Cadre d'un crédit départemental.",
  valuesConfig: {
    PMI: { description: "Protection maternelle et infantile (PMI)." },
    PREVENTION_PROTECTION_CONTRACT: {
      description: "Contractualisation prévention et protection de l'enfance (engagement prévention / PMI, avec l'ARS et le préfet).",
    },
    MAISON_COFUNDING: { description: "Cofinancement d'une Maison des 1000 premiers jours." },
    LAUREATE_COFUNDING: { description: "Cofinancement d'un lauréat d'appel à projets 1000 premiers jours." },
    OTHER: { description: "Autre crédit départemental." },
  },
});

/** A departmental credit as the API shows it; its department, structure and dossier come from the funding-lines block. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "Crédit d'un conseil départemental à une structure, pour une année (source DEPARTMENT)." })
export class DepartmentalCredit {
  @Field(() => ID, { description: "Identifiant du crédit." }) id: string;
  @Field(() => DepartmentalProgramme, { description: "Cadre du crédit." }) programme: DepartmentalProgramme;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field({ description: "Objet du crédit." }) title: string;
  @Field(() => [Axis], { description: "Axes thématiques concernés, s'ils sont renseignés." }) axes: Axis[];
  row: ListedRow<DepartmentalCreditRow>;
}

export const toCredit = (row: ListedRow<DepartmentalCreditRow>): DepartmentalCredit => ({
  id: String(row.id),
  programme: row.programme,
  amount: centsToEuros(row.amountCents),
  year: row.year,
  title: row.title,
  axes: row.axes,
  row,
});
