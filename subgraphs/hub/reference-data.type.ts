import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Axis } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { InstructionRuleRow } from "./reference.entities";

@ObjectType({ description: "Un axe thématique et son libellé dans l'instruction." })
export class AxisDefinition {
  @Field(() => Axis, { description: "L'axe." }) axis: Axis;
  @Field(() => Int, { description: "Numéro de l'axe (1 à 6)." }) number: number;
  @Field({ description: "Libellé de l'axe." }) label: string;
}

@ObjectType({ description: "Un chiffre ou une échéance fixé par une instruction (enveloppes, dotations minimales, dates)." })
export class InstructionRule {
  @Field(() => ID, { description: "Code de la règle." }) code: string;
  @Field({ description: "Référence de l'instruction." }) instruction: string;
  @Field(() => Int, { description: "Année concernée." }) year: number;
  @Field({ description: "Énoncé de la règle." }) label: string;
  @Field(() => Float, { nullable: true, description: "Montant en euros, s'il y en a un." }) amount: number | null;
  @Field(() => String, { nullable: true, description: "Date (AAAA-MM-JJ), s'il y en a une." }) date: string | null;
}

export const toRule = (r: InstructionRuleRow): InstructionRule => ({
  code: r.code,
  instruction: r.instruction,
  year: r.year,
  label: r.label,
  amount: r.amountCents == null ? null : centsToEuros(r.amountCents),
  date: r.date,
});
