/**
 * A small fictitious dataset for the explorer's tests, written through the gateway as partners
 * write (their mutations, their tokens): so the lines carry what the real write path records (the
 * funder's structure name, the directory's first name). Every name ends with "(fictif)".
 *
 *   id  side    call             year  title                              structure (as the funder typed it)        axes  amount €   depts  status
 *   H1  health  76 Occitanie     2021  Éveil musical des tout-petits      A Équipe Éveil Toulouse                    4     12 000     31     AWARDED
 *   H2  health  76               2021  Lecture en crèche                  B Association Lire Ensemble                4,5   30 000.50  34     EVALUATED
 *   H3  health  76               2021  Soutien aux parents isolés         C ÉQUIPE mobile parentalité                3     45 000     31,34  WITHDRAWN
 *   H4  health  52 Pays de Loire 2021  Ateliers d'equipe parents-bébés    D Maison des familles                      4     8 000      44     AWARDED
 *   H5  health  52               2021  Promotion santé 100% plus          E Centre social                            2     100 000    49     AWARDED
 *   H6  health  76 (renews H2)   2023  Lecture en crèche                  B                                          4,5   20 000     34     RENEWED
 *   S1  social  76               2021  Café des parents                   A "Equipe Eveil Toulouse" (no accents)      3,4   15 000     31     AWARDED
 *
 *   id  CAF  year  fund       title                            structure                      axes  amount €
 *   G1  31   2021  CAF_FNP    Atelier d'éveil sonore           A Équipe Éveil Toulouse        4     5 000
 *   G2  34   2021  CAF_REAAP  Groupes de parole                B Association Lire Ensemble    3     2 500.25
 *   G3  44   2021  CAF_LAEP   Lieu d'accueil enfants-parents   D Maison des familles          —     18 000
 *   G4  44   2022  FIPE       Accueil innovant                 F Crèche À petits pas          4     40 000
 *   G5  31   2022  CAF_FNP    Soutien équipe mobile            C ÉQUIPE mobile parentalité    —     1 000
 *
 *   id  CD   year  programme           title                          structure                  axes  amount €
 *   K1  31   2021  PMI                 Consultations de PMI           A Équipe Éveil Toulouse    1     7 000
 *   K2  44   2022  LAUREATE_COFUNDING  Cofinancement équipe parents   D Maison des familles      4     3 000
 */
import { withLuhnCheckDigit } from "../../subgraphs/domain/siret";
import { TestHub } from "./hub";

/** SIRETs with distinct prefixes, for the SIRET-prefix search: A, B, C start with 8000000; D, E with 7000000. */
export const SIRETS = {
  A: withLuhnCheckDigit("8000000100001"),
  B: withLuhnCheckDigit("8000000200001"),
  C: withLuhnCheckDigit("8000000100002"),
  D: withLuhnCheckDigit("7000000100001"),
  E: withLuhnCheckDigit("7000000200001"),
  F: withLuhnCheckDigit("6000000100001"),
} as const;
export const NAMES = {
  A: "Équipe Éveil Toulouse (fictif)",
  B: "Association Lire Ensemble (fictif)",
  C: "ÉQUIPE mobile parentalité (fictif)",
  D: "Maison des familles (fictif)",
  E: "Centre social (fictif)",
  F: "Crèche À petits pas (fictif)",
} as const;
type Key = keyof typeof SIRETS;

export type ExplorerIds = Record<"H1" | "H2" | "H3" | "H4" | "H5" | "H6" | "S1" | "G1" | "G2" | "G3" | "G4" | "G5" | "K1" | "K2", string>;

const ALL_AXES = [
  "SCREENING_CONTINUITY",
  "HEALTH_PROMOTION",
  "PARENT_ISOLATION",
  "CULTURAL_AWAKENING",
  "WORK_LIFE_BALANCE",
  "SECOND_PARENT",
];

export async function writeExplorerDataset(hub: TestHub): Promise<ExplorerIds> {
  const tokens = new Map<string, string>();
  const as = async (org: string) => tokens.get(org) ?? tokens.set(org, await hub.auth.token(org)).get(org)!;
  const write = async (org: string, document: string, variables: Record<string, unknown>) => {
    const result = await hub.query(document, variables, undefined, await as(org));
    if (result.errors) throw new Error(`${org}: ${JSON.stringify(result.errors)}`);
    return Object.values(result.data as Record<string, { id: string }>)[0].id;
  };
  const openCall = (org: string, side: "Health" | "Social", region: string) =>
    write(org, `mutation($input: OpenCallInput!) { open${side}Call(input: $input) { id } }`, {
      input: { region, year: 2021, title: `Appel de test ${side} ${region} (fictif)`, axes: ALL_AXES, joint: false, envelope: 200_000 },
    });
  const award = (
    org: string,
    side: "Health" | "Social",
    callId: string,
    title: string,
    who: Key,
    name: string,
    axes: string[],
    amount: number,
    departments: string[],
  ) =>
    write(org, `mutation($input: AwardProjectInput!) { award${side}Project(input: $input) { id } }`, {
      input: { callId, title, siret: SIRETS[who], structureName: name, departments, axes, amount },
    });
  const grant = (department: string, year: number, fund: string, title: string, who: Key, axes: string[], amount: number) =>
    write(`caf:${department}`, "mutation($input: ParentalityGrantInput!) { recordParentalityGrant(input: $input) { id } }", {
      input: { department, year, fund, siret: SIRETS[who], structureName: NAMES[who], title, amount, axes },
    });

  const occitanie = await openCall("ars:76", "Health", "76");
  const loire = await openCall("ars:52", "Health", "52");
  const ids = {} as ExplorerIds;
  ids.H1 = await award("ars:76", "Health", occitanie, "Éveil musical des tout-petits", "A", NAMES.A, ["CULTURAL_AWAKENING"], 12_000, [
    "31",
  ]);
  ids.H2 = await award(
    "ars:76",
    "Health",
    occitanie,
    "Lecture en crèche",
    "B",
    NAMES.B,
    ["CULTURAL_AWAKENING", "WORK_LIFE_BALANCE"],
    30_000.5,
    ["34"],
  );
  ids.H3 = await award("ars:76", "Health", occitanie, "Soutien aux parents isolés", "C", NAMES.C, ["PARENT_ISOLATION"], 45_000, [
    "31",
    "34",
  ]);
  ids.H4 = await award("ars:52", "Health", loire, "Ateliers d'equipe parents-bébés", "D", NAMES.D, ["CULTURAL_AWAKENING"], 8_000, ["44"]);
  ids.H5 = await award("ars:52", "Health", loire, "Promotion santé 100% plus", "E", NAMES.E, ["HEALTH_PROMOTION"], 100_000, ["49"]);
  await write("ars:76", "mutation($id: ID!, $reason: String!) { withdrawHealthProject(id: $id, reason: $reason) { id } }", {
    id: ids.H3,
    reason: "Projet abandonné (fictif)",
  });
  await write("ars:76", "mutation($id: ID!) { recordHealthEvaluation(id: $id, favourable: true, summary: null) { id } }", { id: ids.H2 });
  ids.H6 = await write("ars:76", "mutation($id: ID!) { renewHealthProject(id: $id, year: 2023, amount: 20000) { id } }", { id: ids.H2 });
  const social = await openCall("dreets:76", "Social", "76");
  ids.S1 = await award(
    "dreets:76",
    "Social",
    social,
    "Café des parents",
    "A",
    "Equipe Eveil Toulouse (fictif)",
    ["PARENT_ISOLATION", "CULTURAL_AWAKENING"],
    15_000,
    ["31"],
  );
  ids.G1 = await grant("31", 2021, "CAF_FNP", "Atelier d'éveil sonore", "A", ["CULTURAL_AWAKENING"], 5_000);
  ids.G2 = await grant("34", 2021, "CAF_REAAP", "Groupes de parole", "B", ["PARENT_ISOLATION"], 2_500.25);
  ids.G3 = await grant("44", 2021, "CAF_LAEP", "Lieu d'accueil enfants-parents", "D", [], 18_000);
  ids.G4 = await grant("44", 2022, "FIPE", "Accueil innovant", "F", ["CULTURAL_AWAKENING"], 40_000);
  ids.G5 = await grant("31", 2022, "CAF_FNP", "Soutien équipe mobile", "C", [], 1_000);
  const credit = (department: string, year: number, programme: string, title: string, who: Key, axes: string[], amount: number) =>
    write(`cd:${department}`, "mutation($input: DepartmentalCreditInput!) { recordDepartmentalCredit(input: $input) { id } }", {
      input: { department, year, programme, siret: SIRETS[who], structureName: NAMES[who], title, amount, axes },
    });
  ids.K1 = await credit("31", 2021, "PMI", "Consultations de PMI", "A", ["SCREENING_CONTINUITY"], 7_000);
  ids.K2 = await credit("44", 2022, "LAUREATE_COFUNDING", "Cofinancement équipe parents", "D", ["CULTURAL_AWAKENING"], 3_000);
  return ids;
}
