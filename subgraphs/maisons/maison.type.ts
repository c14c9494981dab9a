import "./maison.enums";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { FundingSource } from "../domain/enums";
import { MaisonDecision, MaisonPhase, MaisonProjectRow } from "./maison.entities";
import { Region } from "./entity-stubs";

@ObjectType({ description: "Ligne du budget prévisionnel (2024 ou 2025) d'un projet de Maison." })
export class BudgetLine {
  @Field(() => Int, { description: "Année (2024 ou 2025)." }) year: number;
  @Field(() => FundingSource, { description: "Source de financement." }) source: FundingSource;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: "Projet de « Maison des 1000 premiers jours » (outre-mer, 2024-2025) : fiche projet de l'annexe 1, évaluation et décision.",
})
export class MaisonProject {
  @Field(() => ID, { description: "Identifiant du projet." }) id: string;
  @Field({ description: "Intitulé du projet." }) title: string;
  @Field(() => MaisonDecision, { description: "Décision du comité national." }) decision: MaisonDecision;
  @Field(() => MaisonPhase, { description: "Avancement." }) phase: MaisonPhase;
  @Field({ description: "Objectifs généraux et spécifiques." }) objectives: string;
  @Field({ description: "Actions prévues." }) actions: string;
  @Field({ description: "Gouvernance (pilotage et partenariats)." }) governance: string;
  @Field({ description: "Moyens (humains, matériels, financiers)." }) resources: string;
  @Field({ description: "Phasage et calendrier." }) phasing: string;
  @Field({ description: "Modalités de suivi et d'évaluation." }) evaluation: string;
  row: MaisonProjectRow;
}

@ObjectType({ description: "Un territoire d'outre-mer et ses projets de Maison." })
export class MaisonTerritory {
  @Field(() => Region, { description: "La région d'outre-mer." }) region: Region;
}

export const toMaison = (row: MaisonProjectRow): MaisonProject => ({
  id: String(row.id),
  title: row.title,
  decision: row.decision,
  phase: row.phase,
  objectives: row.objectives,
  actions: row.actions,
  governance: row.governance,
  resources: row.resources,
  phasing: row.phasing,
  evaluation: row.evaluation,
  row,
});
