import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Axis, FundingSource } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { CallRow } from "./call.entity";
import { CallSide } from "./side";

/** The call type of one side (HealthCall, SocialCall): created per side, its field resolvers are the side's. */
export function createCallType(side: CallSide) {
  @Directive('@key(fields: "id")')
  @ObjectType(`${side.typePrefix}Call`, { description: `Appel à projets régional 1000 premiers jours, volet ${side.volet}.` })
  class Call {
    @Field(() => ID, { description: "Identifiant de l'appel à projets." }) id: string;
    @Field({ description: "Intitulé de l'appel à projets." }) title: string;
    @Field(() => Int, { description: "Année de l'appel à projets." }) year: number;
    @Field(() => [Axis], { description: "Axes thématiques retenus par l'appel." }) axes: Axis[];
    @Field({ description: "Vrai pour un appel commun ARS-DREETS (une liste de lauréats, deux enveloppes distinctes et non fongibles)." })
    joint: boolean;
    @Field(() => Float, { description: "Enveloppe de ce volet, en euros." }) envelope: number;
    @Field(() => FundingSource, { description: "Fonds de ce volet." }) fund: FundingSource;
    @Field(() => String, { nullable: true, description: "Date limite de dépôt des projets (AAAA-MM-JJ)." }) deadline: string | null;
    @Field(() => String, { nullable: true, description: "Date prévisionnelle des résultats (AAAA-MM-JJ)." }) resultsDue: string | null;
    row: CallRow;
  }

  const toCall = (row: CallRow): Call => ({
    id: String(row.id),
    title: row.title,
    year: row.year,
    axes: row.axes,
    joint: row.joint,
    envelope: centsToEuros(row.envelopeCents),
    fund: side.source,
    deadline: row.deadline,
    resultsDue: row.resultsDue,
    row,
  });

  return { Call, toCall };
}
