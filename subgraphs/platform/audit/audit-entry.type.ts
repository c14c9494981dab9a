/** One entry of a subgraph's audit trail as the graph shows it (shareable: every writing subgraph has one). */
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive("@shareable")
@ObjectType({ description: "Une écriture dans le journal d'audit d'un sous-graphe." })
export class AuditEntry {
  @Field(() => ID, { description: "Identifiant de l'entrée." }) id: string;
  @Field({ description: "Date et heure (ISO 8601, UTC)." }) at: string;
  @Field({ description: "Auteur (sujet du jeton)." }) subject: string;
  @Field({ description: "Organisation de l'auteur (ex. « caf:44 »)." }) organisation: string;
  @Field({ description: "Opération (nom de la mutation)." }) operation: string;
  @Field({ description: "Type de l'objet écrit." }) entity: string;
  @Field(() => ID, { description: "Identifiant de l'objet écrit." }) entityId: string;
  @Field({ description: "Ce qui a changé (JSON)." }) changes: string;
}
