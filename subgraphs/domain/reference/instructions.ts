/**
 * The figures of the instructions the product enforces or displays, with their source.
 * Amounts in cents. Written from ../shared/seeds (see schema/README.md for our reading).
 */
export interface InstructionRule {
  code: string;
  instruction: string;
  year: number;
  label: string;
  amountCents: number | null;
  date: string | null;
}

export const INSTRUCTION_2021 = "SGMCAS/2021/74";
export const INSTRUCTION_2023 = "SGMCAS/2023/110";
export const INSTRUCTION_2024_MAISONS = "DGCS/SD2C/SGMCAS/DGS/2024/151";

export const INSTRUCTION_RULES: readonly InstructionRule[] = [
  {
    code: "ENVELOPE_FIR_2021",
    instruction: INSTRUCTION_2021,
    year: 2021,
    label: "Enveloppe FIR de chaque ARS organisant l'appel à projets (annuelle et non reconductible)",
    amountCents: 100_000_00,
    date: null,
  },
  {
    code: "ENVELOPE_P304_17_2021",
    instruction: INSTRUCTION_2021,
    year: 2021,
    label: "Enveloppe P304 action 17 de chaque DREETS organisant l'appel à projets (annuelle et non reconductible)",
    amountCents: 100_000_00,
    date: null,
  },
  {
    code: "MINIMUM_AWARD",
    instruction: INSTRUCTION_2021,
    year: 2021,
    label: "Dotation minimale des lauréats d'un appel à projets régional",
    amountCents: 100_000_00,
    date: null,
  },
  {
    code: "MINIMUM_AWARD_JOINT",
    instruction: INSTRUCTION_2021,
    year: 2021,
    label: "Dotation minimale des lauréats d'un appel à projets commun ARS-DREETS",
    amountCents: 200_000_00,
    date: null,
  },
  {
    code: "LAUREATES_DEADLINE_2021",
    instruction: INSTRUCTION_2021,
    year: 2021,
    label: "Lauréats déterminés au plus tard en août 2021",
    amountCents: null,
    date: "2021-08-31",
  },
  {
    code: "TOPUP_FIR_2023",
    instruction: INSTRUCTION_2023,
    year: 2023,
    label: "Abondement du FIR pour chaque région, complété par un montant calculé selon le nombre de naissances en 2021",
    amountCents: 50_000_00,
    date: null,
  },
  {
    code: "TOPUP_P304_17_2023",
    instruction: INSTRUCTION_2023,
    year: 2023,
    label: "Crédits P304 action 17 pour chaque région, complétés par un montant calculé selon le nombre de naissances en 2021",
    amountCents: 30_000_00,
    date: null,
  },
  {
    code: "LISTS_DUE_2023",
    instruction: INSTRUCTION_2023,
    year: 2023,
    label: "Transmission des listes régionales des projets soutenus",
    amountCents: null,
    date: "2023-11-30",
  },
  {
    code: "OVERSEAS_FIR_TOPUP_2024",
    instruction: INSTRUCTION_2024_MAISONS,
    year: 2024,
    label: "Abondement minimal du FIR 2024 de chaque ARS ultramarine (crédits du programme 304) pour les Maisons des 1000 premiers jours",
    amountCents: 200_000_00,
    date: null,
  },
  {
    code: "MAISONS_COMMITTEE_2024",
    instruction: INSTRUCTION_2024_MAISONS,
    year: 2024,
    label: "Comité national de labellisation des Maisons des 1000 premiers jours",
    amountCents: null,
    date: "2024-11-13",
  },
];

const rule = (code: string) => {
  const found = INSTRUCTION_RULES.find((r) => r.code === code);
  if (!found) throw new Error(`Règle inconnue : ${code}`);
  return found;
};

/**
 * Minimum total award of a regional call (instruction 2021, §3): 100 000 €, 200 000 € for a joint
 * ARS-DREETS call. The 2022 instruction (SGMCAS/2022/106) is not among our sources; the 2022 page
 * (seed 002) presents the 2022 calls as a renewal of the same frame, so the 2021 rule applies to them.
 */
export function minimumAwardCents(joint: boolean): number {
  return (joint ? rule("MINIMUM_AWARD_JOINT") : rule("MINIMUM_AWARD")).amountCents as number;
}
