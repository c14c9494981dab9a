import { registerEnumType } from "type-graphql";

/** The 6 thematic axes, in the order of instruction SGMCAS/2021/74 (their number is position + 1). */
export enum Axis {
  SCREENING_CONTINUITY = "SCREENING_CONTINUITY",
  HEALTH_PROMOTION = "HEALTH_PROMOTION",
  PARENT_ISOLATION = "PARENT_ISOLATION",
  CULTURAL_AWAKENING = "CULTURAL_AWAKENING",
  WORK_LIFE_BALANCE = "WORK_LIFE_BALANCE",
  SECOND_PARENT = "SECOND_PARENT",
}
export const AXES_IN_ORDER: readonly Axis[] = Object.values(Axis);
export const axisNumber = (axis: Axis): number => AXES_IN_ORDER.indexOf(axis) + 1;
export const axisFromNumber = (n: number): Axis => {
  if (!Number.isInteger(n) || n < 1 || n > AXES_IN_ORDER.length) throw new Error(`Axe inconnu : ${n}`);
  return AXES_IN_ORDER[n - 1];
};

export enum FundingSource {
  FIR = "FIR",
  P304_17 = "P304_17",
  P304_19 = "P304_19",
  CAF_FNP = "CAF_FNP",
  CAF_REAAP = "CAF_REAAP",
  CAF_LAEP = "CAF_LAEP",
  CAF_FPT = "CAF_FPT",
  FIPE = "FIPE",
  DEPARTMENT = "DEPARTMENT",
  LOCAL_AUTHORITY = "LOCAL_AUTHORITY",
  OTHER = "OTHER",
}
export const FUNDING_SOURCES_IN_ORDER: readonly FundingSource[] = Object.values(FundingSource);

export enum GrantStatus {
  AWARDED = "AWARDED",
  RENEWED = "RENEWED",
  EVALUATED = "EVALUATED",
  WITHDRAWN = "WITHDRAWN",
}
/** A withdrawn project stops counting; every other status is money actually granted. */
export const COUNTED_STATUSES: readonly GrantStatus[] = [GrantStatus.AWARDED, GrantStatus.RENEWED, GrantStatus.EVALUATED];

registerEnumType(Axis, {
  name: "Axis",
  description: "Les 6 axes thématiques de la politique des 1000 premiers jours (instruction SGMCAS/2021/74).",
  valuesConfig: {
    SCREENING_CONTINUITY: {
      description: "Axe 1 : repérage des situations de fragilité et accompagnement sans rupture tout au long des 1000 premiers jours.",
    },
    HEALTH_PROMOTION: { description: "Axe 2 : actions de promotion de la santé des plus petits." },
    PARENT_ISOLATION: { description: "Axe 3 : prévention de l'isolement et de l'épuisement des parents." },
    CULTURAL_AWAKENING: {
      description: "Axe 4 : lieux et offre favorisant l'éveil culturel et artistique des tout-petits, notamment des plus défavorisés.",
    },
    WORK_LIFE_BALANCE: { description: "Axe 5 : conciliation des temps entre vie professionnelle et parentalité." },
    SECOND_PARENT: { description: "Axe 6 : place du père ou du second parent dans le parcours des 1000 premiers jours." },
  },
});

registerEnumType(FundingSource, {
  name: "FundingSource",
  description: "Source de financement d'une ligne (fonds, programme ou financeur).",
  valuesConfig: {
    FIR: { description: "Fonds d'intervention régional (ARS), volet santé." },
    P304_17: { description: "Programme 304, action 17 (DREETS/DEETS), volet social." },
    P304_19: { description: "Programme 304, action 19 (mesures de lutte contre la pauvreté)." },
    CAF_FNP: { description: "CAF : Fonds national parentalité." },
    CAF_REAAP: { description: "CAF : réseaux d'écoute, d'appui et d'accompagnement des parents (REAAP)." },
    CAF_LAEP: { description: "CAF : lieux d'accueil enfants-parents (LAEP)." },
    CAF_FPT: { description: "CAF : Fonds publics et territoires." },
    FIPE: { description: "Fonds d'innovation pour la petite enfance (CAF, programmé en CDSF)." },
    DEPARTMENT: { description: "Crédits départementaux (conseil départemental, PMI)." },
    LOCAL_AUTHORITY: { description: "Autres collectivités territoriales." },
    OTHER: { description: "Autre financement." },
  },
});

registerEnumType(GrantStatus, {
  name: "GrantStatus",
  description: "État d'un projet lauréat.",
  valuesConfig: {
    AWARDED: { description: "Lauréat, financement attribué." },
    RENEWED: { description: "Financement reconduit après une évaluation favorable." },
    EVALUATED: { description: "Évaluation enregistrée." },
    WITHDRAWN: { description: "Retiré : ne compte plus dans les financements." },
  },
});
