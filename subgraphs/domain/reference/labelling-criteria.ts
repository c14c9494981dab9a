/**
 * The labelling grid of the Maisons des 1000 premiers jours (instruction DGCS/SD2C/SGMCAS/DGS/2024/151,
 * annex 2): 10 yes/no criteria in 4 groups. The codes are ours; the labels are the annex's words.
 */
export interface LabellingCriterion {
  code: string;
  group: string;
  heading: string;
  label: string;
  position: number;
}

const criteria: Omit<LabellingCriterion, "position">[] = [
  {
    code: "OBJECTIVES_ONE_PLACE",
    group: "Adéquation au cadrage de l'instruction",
    heading: "Prise en compte des objectifs",
    label: "Renforcer les missions de prévention en santé, accès aux droits et de soutien à la parentalité en un seul lieu",
  },
  {
    code: "OBJECTIVES_OUTREACH",
    group: "Adéquation au cadrage de l'instruction",
    heading: "Prise en compte des objectifs",
    label: "Aller vers les publics les plus éloignés",
  },
  {
    code: "GOVERNANCE_INSTITUTIONAL",
    group: "Adéquation au cadrage de l'instruction",
    heading: "Gouvernance",
    label:
      "Partenariat institutionnel structuré (agence régionale de santé [ARS], direction de l'économie, de l'emploi, du travail et des solidarités [DEETS], caisse d'allocations familiales [CAF], conseils départementaux)",
  },
  {
    code: "GOVERNANCE_OPERATORS",
    group: "Adéquation au cadrage de l'instruction",
    heading: "Gouvernance",
    label:
      "Mobilisation des acteurs associatifs et/ou d'acteurs opérationnels (protection maternelle et infantile [PMI], établissements, etc.)",
  },
  {
    code: "FEASIBILITY_PHASING",
    group: "Adéquation au cadrage de l'instruction",
    heading: "Faisabilité",
    label: "Phasage / calendrier de déploiement réaliste",
  },
  {
    code: "FEASIBILITY_BUDGET",
    group: "Adéquation au cadrage de l'instruction",
    heading: "Faisabilité",
    label: "Soutenabilité budgétaire",
  },
  {
    code: "VALUE_BROADER_OFFER",
    group: "Plus-value pour les usagers",
    heading: "Plus-value pour les usagers",
    label: "Offre de service élargie",
  },
  {
    code: "VALUE_VULNERABLE_PUBLICS",
    group: "Plus-value pour les usagers",
    heading: "Plus-value pour les usagers",
    label: "Prise en compte de publics vulnérables",
  },
  {
    code: "VALUE_FATHERS",
    group: "Plus-value pour les usagers",
    heading: "Plus-value pour les usagers",
    label: "Prise en compte de la place des pères ou co-parents",
  },
  {
    code: "VALUE_READABILITY",
    group: "Plus-value pour les usagers",
    heading: "Plus-value pour les usagers",
    label: "Amélioration de la lisibilité de l'offre de services pour tous les usagers",
  },
];

export const LABELLING_CRITERIA: readonly LabellingCriterion[] = criteria.map((c, i) => ({ ...c, position: i + 1 }));
