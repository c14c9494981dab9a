import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Un critère de la grille d'analyse pour la labellisation (annexe 2 de l'instruction du 25 octobre 2024)." })
export class LabellingCriterion {
  @Field(() => ID, { description: "Code du critère (à utiliser dans CriterionInput)." }) code: string;
  @Field(() => Int, { description: "Rang du critère dans la grille (1 à 10)." }) position: number;
  @Field({ description: "Partie de la grille (adéquation au cadrage, plus-value pour les usagers)." }) group: string;
  @Field({ description: "Rubrique (objectifs, gouvernance, faisabilité…)." }) heading: string;
  @Field({ description: "Libellé du critère." }) label: string;
}

@ObjectType({ description: "Un critère de la grille et son évaluation pour un projet." })
export class CriterionAssessment {
  @Field(() => ID, { description: "Code du critère." }) code: string;
  @Field({ description: "Libellé du critère." }) label: string;
  @Field(() => Boolean, { nullable: true, description: "Oui / non ; nul tant que le critère n'est pas évalué." }) met: boolean | null;
}

@ObjectType({ description: "Évaluation d'un projet selon la grille de l'annexe 2." })
export class Assessment {
  @Field(() => Int, { description: "Nombre de critères remplis (« oui »)." }) met: number;
  @Field(() => Int, { description: "Nombre de critères évalués." }) assessed: number;
  @Field(() => Int, { description: "Nombre de critères de la grille (10)." }) total: number;
  @Field({ description: "Vrai quand les 10 critères sont évalués (condition de la labellisation)." }) complete: boolean;
  @Field(() => [CriterionAssessment], { description: "Les 10 critères, dans l'ordre de la grille." }) criteria: CriterionAssessment[];
}
