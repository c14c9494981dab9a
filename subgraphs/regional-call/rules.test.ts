import { Axis } from "../domain/enums";
import { withLuhnCheckDigit } from "../domain/siret";
import { Violations } from "../domain/rules/violations";
import { violatedRules } from "../domain/rules/violated-rules";
import { AwardProjectInput } from "./inputs";
import { checkAward, checkCallCalendarAndEnvelope } from "./rules";

const SIRET = withLuhnCheckDigit("7600000000001");
/** A call of Occitanie (76) that retained axes 3 and 4. */
const CALL = { regionCode: "76", axes: [Axis.PARENT_ISOLATION, Axis.CULTURAL_AWAKENING] };
const award = (over: Partial<Omit<AwardProjectInput, "callId">> = {}): Omit<AwardProjectInput, "callId"> => ({
  title: " Répit parental ",
  siret: SIRET,
  structureName: "Association Les Petits Pas (fictif)",
  departments: ["31", "34"],
  axes: [Axis.PARENT_ISOLATION],
  amount: 100000,
  projectRef: null,
  description: null,
  ...over,
});
const rulesOf = (fill: (v: Violations) => void) => violatedRules(fill);

describe("the rules of a laureate of a regional call", () => {
  it("keeps a valid laureate, trimmed, in exact cents", () => {
    const v = new Violations();
    expect(checkAward(CALL, award(), v)).toMatchObject({
      title: "Répit parental",
      departments: ["31", "34"],
      amountCents: 10_000_000,
      projectRef: null,
    });
    expect(v.empty).toBe(true);
  });

  it.each<[Partial<Omit<AwardProjectInput, "callId">>, string[]]>([
    [{ departments: [] }, ["DEPARTMENT_REQUIRED"]],
    [{ departments: ["31", "44"] }, ["EXTRA_REGIONAL_PROJECT"]], // 44 is in Pays de la Loire: "projets de portée extrarégionale" are excluded
    [{ departments: ["31", "31"] }, ["DEPARTMENT_DUPLICATE"]],
    [{ departments: ["3X"] }, ["DEPARTMENT_UNKNOWN"]],
    [{ axes: [] }, ["AXIS_REQUIRED"]],
    [{ axes: [Axis.HEALTH_PROMOTION] }, ["AXIS_NOT_RETAINED"]], // outside the call's retained axes
    [{ amount: -100 }, ["AMOUNT_POSITIVE"]],
    [{ siret: "76000000000000" }, ["SIRET_INVALID"]],
    [{ description: "x".repeat(5001) }, ["TEXT_TOO_LONG"]],
    [{ projectRef: "a/b" }, ["PROJECT_REF_FORMAT"]],
    [{ title: "", structureName: "" }, ["REQUIRED", "REQUIRED"]],
  ])("refuses %p", (over, rules) => {
    const v = new Violations();
    expect(checkAward(CALL, award(over), v)).toBeNull();
    expect(rulesOf((w) => checkAward(CALL, award(over), w))).toEqual(rules);
  });
});

describe("the envelope and calendar of a call being opened (instruction SGMCAS/2021/74)", () => {
  const call = { joint: false, deadline: "2024-03-31", resultsDue: "2024-06-30" };
  it("accepts an envelope of at least 100 000 € on each side, joint or not", () => {
    expect(rulesOf((v) => checkCallCalendarAndEnvelope(call, 10_000_000, true, v))).toEqual([]);
    expect(rulesOf((v) => checkCallCalendarAndEnvelope({ ...call, joint: true }, 10_000_000, true, v))).toEqual([]);
  });
  it("refuses an envelope below the minimum award, and says so for a joint call", () => {
    expect(rulesOf((v) => checkCallCalendarAndEnvelope(call, 9_999_999, true, v))).toEqual(["ENVELOPE_BELOW_MINIMUM_AWARD"]);
    const v = new Violations();
    checkCallCalendarAndEnvelope({ ...call, joint: true }, 5_000_000, true, v);
    expect(() => v.throwIfAny()).toThrow(/appel commun ARS-DREETS réunit deux enveloppes/);
  });
  it("refuses results due before the submission deadline, and only with readable dates", () => {
    expect(rulesOf((v) => checkCallCalendarAndEnvelope({ ...call, resultsDue: "2024-03-30" }, 10_000_000, true, v))).toEqual([
      "RESULTS_BEFORE_DEADLINE",
    ]);
    expect(rulesOf((v) => checkCallCalendarAndEnvelope({ ...call, resultsDue: "2024-03-31" }, 10_000_000, true, v))).toEqual([]);
    expect(rulesOf((v) => checkCallCalendarAndEnvelope({ ...call, resultsDue: "2024-03-30" }, 10_000_000, false, v))).toEqual([]);
    expect(rulesOf((v) => checkCallCalendarAndEnvelope(call, null, true, v))).toEqual([]);
  });
});
