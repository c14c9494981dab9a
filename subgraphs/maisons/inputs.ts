import { Field, Float, ID, InputType, Int } from "type-graphql";
import { FundingSource } from "../domain/enums";

/** Inputs of the Maisons' writes: the project sheet (annex 1) with its budget, and the grid's criteria (annex 2). */
@InputType({ description: "Une structure porteuse." })
export class StructureInput {
  @Field(() => ID, { description: "SIRET." }) siret: string;
  @Field({ description: "Nom." }) name: string;
}

@InputType({ description: "Ligne du budget prévisionnel." })
export class BudgetLineInput {
  @Field(() => Int, { description: "Année : 2024 ou 2025." }) year: number;
  @Field(() => FundingSource, { description: "Source de financement." }) source: FundingSource;
  @Field(() => Float, { description: "Montant en euros (au plus deux décimales)." }) amount: number;
}

@InputType({ description: "Fiche projet d'une Maison des 1000 premiers jours (annexe 1) et son budget prévisionnel." })
export class MaisonProjectInput {
  @Field(() => ID, { description: "Territoire : code de la région d'outre-mer (01, 02, 03, 04, 06)." }) territory: string;
  @Field({ description: "Intitulé du projet." }) title: string;
  @Field(() => [StructureInput], { description: "Porteur(s), le porteur principal en premier." }) carriers: StructureInput[];
  @Field({ description: "Objectifs généraux et spécifiques." }) objectives: string;
  @Field({ description: "Actions prévues." }) actions: string;
  @Field({ description: "Gouvernance (pilotage et partenariats)." }) governance: string;
  @Field({ description: "Moyens humains, matériels et financiers." }) resources: string;
  @Field({ description: "Phasage et calendrier." }) phasing: string;
  @Field({ description: "Suivi et évaluation." }) evaluation: string;
  @Field(() => [BudgetLineInput], { description: "Budget prévisionnel 2024-2025, toutes sources." }) budget: BudgetLineInput[];
  @Field(() => ID, { nullable: true, description: "Référence du dossier cofinancé." }) projectRef?: string | null;
}

@InputType({ description: "Évaluation d'un critère de la grille (annexe 2)." })
export class CriterionInput {
  @Field({ description: "Code du critère (voir la requête labellingCriteria)." }) code: string;
  @Field({ description: "Oui / non." }) met: boolean;
}
