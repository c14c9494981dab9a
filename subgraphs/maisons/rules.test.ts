import { Actor, parseOrganisation } from "../platform/auth/organisation";
import { FundingSource } from "../domain/enums";
import { withLuhnCheckDigit } from "../domain/siret";
import { Violations } from "../domain/rules/violations";
import { violatedRules, withField } from "../domain/rules/violated-rules";
import { LABELLING_CRITERIA } from "../domain/reference/labelling-criteria";
import { checkCriteria, checkMaisonSheet, checkMaisonTerritory, labellingIncompleteMessage, requireSubmitter } from "./rules";
import type { MaisonProjectInput } from "./inputs";

const CARRIER = { siret: withLuhnCheckDigit("9710000000001"), name: "Association Kaz Ti Moun (fictif)" };
const sheet = (over: Partial<MaisonProjectInput> = {}): MaisonProjectInput => ({
  territory: "01",
  title: "Maison des 1000 premiers jours de Pointe-à-Pitre",
  carriers: [CARRIER],
  objectives: "o",
  actions: "a",
  governance: "g",
  resources: "r",
  phasing: "p",
  evaluation: "e",
  budget: [
    { year: 2024, source: FundingSource.FIR, amount: 150000 },
    { year: 2025, source: FundingSource.CAF_FNP, amount: 42000.42 },
  ],
  projectRef: "MAISON-971-1",
  ...over,
});
const rulesOf = (fill: (v: Violations) => void) => violatedRules(fill, withField);
const actor = (org: string): Actor => ({ subject: "agent", organisation: parseOrganisation(org)! });

describe("the territories of the Maisons", () => {
  it.each(["01", "02", "03", "04", "06"])("accepts the overseas region %s", (code) => {
    expect(rulesOf((v) => checkMaisonTerritory(code, v))).toEqual([]);
  });
  it.each(["52", "11", "99"])("refuses %s: not an overseas territory", (code) => {
    expect(rulesOf((v) => checkMaisonTerritory(code, v))).toEqual(["territory:MAISON_TERRITORY"]);
  });
});

describe("who submits a Maison", () => {
  it("is the ARS, the DEETS or the CAF of the territory", () => {
    for (const org of ["ars:01", "dreets:01", "caf:971"]) expect(requireSubmitter(actor(org), "01").organisation.id).toBe(org);
  });
  it.each(["ars:02", "caf:972", "cd:971", "national"])("refuses %s", (org) => {
    expect(() => requireSubmitter(actor(org), "01")).toThrow(/soumis par l'ARS, la DEETS ou la CAF du territoire 01/);
  });
});

describe("the project sheet (annex 1) and its forecast budget", () => {
  it("reads the budget lines in exact cents", () => {
    const v = new Violations();
    expect(checkMaisonSheet(sheet(), v).map((l) => l.cents)).toEqual([15_000_000, 4_200_042]);
    expect(v.empty).toBe(true);
  });
  it.each<[Partial<MaisonProjectInput>, string[]]>([
    [{ carriers: [] }, ["carriers:CARRIER_REQUIRED"]],
    [{ carriers: [CARRIER, CARRIER] }, ["carriers:CARRIER_DUPLICATE"]],
    [{ carriers: [{ siret: "97100000000000", name: "" }] }, ["carriers[0].siret:SIRET_INVALID", "carriers[0].name:REQUIRED"]],
    [{ budget: [] }, ["budget:BUDGET_REQUIRED"]],
    [{ budget: [{ year: 2026, source: FundingSource.FIR, amount: 1 }] }, ["budget[0].year:BUDGET_YEAR"]],
    [{ budget: [{ year: 2024, source: FundingSource.FIR, amount: 0 }] }, ["budget[0].amount:AMOUNT_POSITIVE"]],
    [{ governance: " " }, ["governance:REQUIRED"]],
    [{ actions: "x".repeat(20001) }, ["actions:TEXT_TOO_LONG"]],
    [{ projectRef: "é" }, ["projectRef:PROJECT_REF_FORMAT"]],
  ])("refuses %p", (over, rules) => {
    expect(rulesOf((v) => checkMaisonSheet(sheet(over), v))).toEqual(rules);
  });
});

describe("the labelling grid (annex 2)", () => {
  const all = LABELLING_CRITERIA.map((c) => ({ code: c.code, met: true }));
  it("accepts known criteria, each once", () => {
    expect(rulesOf((v) => checkCriteria(all, v))).toEqual([]);
  });
  it("refuses unknown, repeated or no criteria", () => {
    expect(rulesOf((v) => checkCriteria([{ code: "BEAUTY", met: true }], v))).toEqual(["criteria:CRITERION_UNKNOWN"]);
    expect(rulesOf((v) => checkCriteria([all[0], all[0]], v))).toEqual(["criteria:CRITERION_DUPLICATE"]);
    expect(rulesOf((v) => checkCriteria([], v))).toEqual(["criteria:CRITERION_REQUIRED"]);
  });
  it("labels only once all 10 criteria are assessed", () => {
    expect(LABELLING_CRITERIA).toHaveLength(10);
    expect(labellingIncompleteMessage(9)).toBe("Un projet n'est labellisé qu'une fois les 10 critères de la grille évalués (9 évalués).");
    expect(labellingIncompleteMessage(10)).toBeNull();
  });
});
