import { registerEnumType } from "type-graphql";
import { MaisonDecision, MaisonPhase } from "./maison.entities";

/** The GraphQL enums of the labelling: the committee's decision and the project's phase. */
registerEnumType(MaisonDecision, {
  name: "MaisonDecision",
  description: "Décision du comité national de labellisation.",
  valuesConfig: {
    PENDING: { description: "En attente de décision." },
    LABELLED: { description: "Labellisée « Maison des 1000 premiers jours »." },
    DEFERRED: { description: "Décision ajournée." },
    REJECTED: { description: "Non retenue." },
  },
});
registerEnumType(MaisonPhase, {
  name: "MaisonPhase",
  description: "Avancement du projet de Maison.",
  valuesConfig: {
    SUBMITTED: { description: "Projet soumis au comité national." },
    DIAGNOSIS: { description: "Phase 1 : diagnostic partagé." },
    OPERATIONAL: { description: "Phase 2 : objectifs opérationnels et modalités d'intervention." },
  },
});
