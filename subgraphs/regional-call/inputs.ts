import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Axis } from "../domain/enums";

/** Inputs of the regional-call writes: the same shape for the health and the social side (contract). */
@InputType({ description: "Ouverture d'un appel à projets régional (un volet)." })
export class OpenCallInput {
  @Field(() => ID, { description: "Code INSEE de la région." }) region: string;
  @Field(() => Int, { description: "Année de l'appel." }) year: number;
  @Field({ description: "Intitulé de l'appel." }) title: string;
  @Field(() => [Axis], { description: "Axes retenus (au moins un)." }) axes: Axis[];
  @Field({ description: "Appel commun ARS-DREETS." }) joint: boolean;
  @Field(() => Float, { description: "Enveloppe de ce volet, en euros (au plus deux décimales)." }) envelope: number;
  @Field(() => String, { nullable: true, description: "Date limite de dépôt (AAAA-MM-JJ)." }) deadline?: string | null;
  @Field(() => String, { nullable: true, description: "Date prévisionnelle des résultats (AAAA-MM-JJ)." }) resultsDue?: string | null;
}

@InputType({ description: "Attribution d'un financement à un projet lauréat d'un appel." })
export class AwardProjectInput {
  @Field(() => ID, { description: "Identifiant de l'appel à projets." }) callId: string;
  @Field({ description: "Intitulé du projet." }) title: string;
  @Field(() => ID, { description: "SIRET de la structure porteuse." }) siret: string;
  @Field({ description: "Nom de la structure porteuse." }) structureName: string;
  @Field(() => [ID], { description: "Départements où le projet se déroule (dans la région de l'appel)." }) departments: string[];
  @Field(() => [Axis], { description: "Axes du projet (parmi ceux retenus par l'appel)." }) axes: Axis[];
  @Field(() => Float, { description: "Montant attribué en euros (au plus deux décimales)." }) amount: number;
  @Field(() => ID, { nullable: true, description: "Référence du dossier cofinancé, partagée avec les autres financeurs." }) projectRef?:
    string | null;
  @Field(() => String, { nullable: true, description: "Description du projet." }) description?: string | null;
}
