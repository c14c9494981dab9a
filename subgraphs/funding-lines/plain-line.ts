/**
 * The object and input types of a funder whose lines have no field of their own (what
 * `npm run subgraph:new` generates): id, amount, year and title; department, SIRET, structure name,
 * title, amount and dossier in. A funder with its own fields (a fund…) declares its types instead.
 */
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { centsToEuros } from "../domain/money";
import type { FundingLineInput, FundingLineNode, FundingLineRow, ListedRow } from "./funder";

export interface PlainLine<Row extends FundingLineRow> extends FundingLineNode<Row> {
  amount: number;
  year: number;
  title: string;
}

export function plainLineType<Row extends FundingLineRow>(name: string, description: string): new () => PlainLine<Row> {
  @Directive('@key(fields: "id")')
  @ObjectType(name, { description })
  class Line {
    @Field(() => ID, { description: "Identifiant du financement." }) id: string;
    @Field(() => Float, { description: "Montant en euros." }) amount: number;
    @Field(() => Int, { description: "Année." }) year: number;
    @Field({ description: "Objet du financement." }) title: string;
    row: ListedRow<Row>;
  }
  return Line;
}

export const plainLineNode = <Row extends FundingLineRow>(row: ListedRow<Row>): PlainLine<Row> => ({
  id: String(row.id),
  amount: centsToEuros(row.amountCents),
  year: row.year,
  title: row.title,
  row,
});

export function plainLineInput(name: string, description: string): new () => FundingLineInput {
  @InputType(name, { description })
  class Input {
    @Field(() => ID, { description: "Code INSEE du département." }) department: string;
    @Field(() => Int, { description: "Année." }) year: number;
    @Field(() => ID, { description: "SIRET de la structure bénéficiaire." }) siret: string;
    @Field({ description: "Nom de la structure bénéficiaire." }) structureName: string;
    @Field({ description: "Objet du financement." }) title: string;
    @Field(() => Float, { description: "Montant en euros (au plus deux décimales)." }) amount: number;
    @Field(() => ID, { nullable: true, description: "Référence du dossier cofinancé, partagée entre financeurs." })
    projectRef?: string | null;
  }
  return Input;
}
