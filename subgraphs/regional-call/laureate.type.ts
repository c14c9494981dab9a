import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Axis, GrantStatus } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { LaureateProjectRow } from "./laureate-project.entity";
import { CallSide } from "./side";

/** The laureate type of one side (HealthProject, SocialProject): one project for one year of funding. */
export function createLaureateType(side: CallSide) {
  @Directive('@key(fields: "id")')
  @ObjectType(`${side.typePrefix}Project`, {
    description: `Projet lauréat d'un appel à projets, volet ${side.volet}, pour une année de financement.`,
  })
  class Laureate {
    @Field(() => ID, { description: "Identifiant du projet lauréat." }) id: string;
    @Field({ description: "Intitulé du projet." }) title: string;
    @Field(() => Float, { description: "Montant attribué pour l'année, en euros." }) amount: number;
    @Field(() => Int, { description: "Année du financement (année de l'appel, ou de la reconduction)." }) year: number;
    @Field(() => [Axis], { description: "Axes thématiques du projet." }) axes: Axis[];
    @Field(() => GrantStatus, { description: "État du projet." }) status: GrantStatus;
    @Field(() => String, { nullable: true, description: "Description du projet." }) description: string | null;
    @Field(() => String, { nullable: true, description: "Synthèse de l'évaluation, si elle est enregistrée." }) evaluationSummary:
      string | null;
    @Field(() => String, {
      nullable: true,
      description:
        "Le nom de la structure porteuse tel que ce financeur l'a enregistré pour ce projet (le nom de référence, le même partout, est structure.name : l'annuaire du hub).",
    })
    recordedStructureName: string | null;
    row: LaureateProjectRow;
  }

  const toLaureate = (row: LaureateProjectRow): Laureate => ({
    id: String(row.id),
    title: row.title,
    amount: centsToEuros(row.amountCents),
    year: row.year,
    axes: row.axes,
    status: row.status,
    description: row.description,
    evaluationSummary: row.evaluationSummary,
    recordedStructureName: row.structureName,
    row,
  });

  return { Laureate, toLaureate };
}
