import { Axis } from "../enums";
import { withLuhnCheckDigit } from "../siret";
import { AMOUNT_CEILING_CENTS } from "./limits";
import { POLICY_FIRST_YEAR, POLICY_LAST_YEAR, Violations } from "./violations";
import { violatedRules, withField } from "./violated-rules";

/** The rules every write shares: each refusal names its field and rule, in French, and nothing passes half-checked. */
const rulesOf = (fill: (v: Violations) => void) => violatedRules(fill, withField);

describe("Violations", () => {
  it("accepts a clean write and refuses nothing", () => {
    expect(
      rulesOf((v) => {
        v.amount("amount", 1234.56);
        v.siret("siret", withLuhnCheckDigit("1234567800001"));
        v.year("year", 2024);
        v.region("region", "52");
        v.department("department", "2A");
        v.text("title", "Un projet", "L'intitulé");
        v.axes("axes", [Axis.PARENT_ISOLATION]);
      }),
    ).toEqual([]);
  });

  it("collects every broken rule of a write in one refusal, in the order they were checked", () => {
    expect(
      rulesOf((v) => {
        v.amount("amount", 0);
        v.siret("siret", "12345678900000");
        v.year("year", 2031);
        v.region("region", "99");
        v.department("department", "20");
      }),
    ).toEqual([
      "amount:AMOUNT_POSITIVE",
      "siret:SIRET_INVALID",
      "year:YEAR_RANGE",
      "region:REGION_UNKNOWN",
      "department:DEPARTMENT_UNKNOWN",
    ]);
  });

  it("writes the message in French and names the field", () => {
    const v = new Violations();
    v.year("year", 2019);
    expect(() => v.throwIfAny()).toThrow(`L'année doit être comprise entre ${POLICY_FIRST_YEAR} et ${POLICY_LAST_YEAR}. (year)`);
  });

  it.each([
    [-1, "AMOUNT_POSITIVE"],
    [0.001, "AMOUNT_CENTS"],
    [12.345, "AMOUNT_CENTS"],
    [Number.NaN, "AMOUNT_CENTS"],
    [AMOUNT_CEILING_CENTS / 100 + 0.01, "AMOUNT_CEILING"],
  ])("refuses the amount %p (%s) and returns no cents", (euros, rule) => {
    const v = new Violations();
    expect(v.amount("amount", euros)).toBeNull();
    expect(rulesOf((w) => w.amount("amount", euros))).toEqual([`amount:${rule}`]);
  });

  it("turns euros into exact cents up to the ceiling", () => {
    const v = new Violations();
    expect(v.amount("amount", 0.1 + 0.2)).toBe(30); // 0.30000000000000004 is how a JSON Float carries 0.30, not a finer amount
    expect(v.amount("amount", 19.99)).toBe(1999);
    expect(v.amount("amount", AMOUNT_CEILING_CENTS / 100)).toBe(AMOUNT_CEILING_CENTS);
  });

  it("accepts the years of the policy only", () => {
    expect(
      rulesOf((v) => {
        v.year("year", POLICY_FIRST_YEAR);
        v.year("year", POLICY_LAST_YEAR);
      }),
    ).toEqual([]);
    expect(rulesOf((v) => v.year("year", 2024.5))).toEqual(["year:YEAR_RANGE"]);
  });

  it("requires a text, bounds it and refuses control characters", () => {
    expect(rulesOf((v) => v.text("title", "   ", "L'intitulé"))).toEqual(["title:REQUIRED"]);
    expect(rulesOf((v) => v.text("title", null, "L'intitulé"))).toEqual(["title:REQUIRED"]);
    expect(rulesOf((v) => v.text("title", "x".repeat(301), "L'intitulé"))).toEqual(["title:TEXT_TOO_LONG"]);
    expect(rulesOf((v) => v.text("title", "a\u0000b", "L'intitulé"))).toEqual(["title:TEXT_CONTROL_CHARACTER"]);
    expect(rulesOf((v) => v.optionalText("description", null, "La description", { max: 10, multiline: true }))).toEqual([]);
    expect(rulesOf((v) => v.optionalText("description", "deux\nlignes", "La description", { max: 20, multiline: true }))).toEqual([]);
  });

  it("requires at least one axis, once each, among those a call retained", () => {
    expect(rulesOf((v) => v.axes("axes", []))).toEqual(["axes:AXIS_REQUIRED"]);
    expect(rulesOf((v) => v.axes("axes", [Axis.HEALTH_PROMOTION, Axis.HEALTH_PROMOTION]))).toEqual(["axes:AXIS_DUPLICATE"]);
    expect(rulesOf((v) => v.axes("axes", [Axis.HEALTH_PROMOTION, Axis.SECOND_PARENT], [Axis.HEALTH_PROMOTION]))).toEqual([
      "axes:AXIS_NOT_RETAINED",
    ]);
  });

  it("check() returns whether the rule held", () => {
    const v = new Violations();
    expect(v.check(true, "f", "R", "m")).toBe(true);
    expect(v.empty).toBe(true);
    expect(v.check(false, "f", "R", "m")).toBe(false);
    expect(v.empty).toBe(false);
  });
});
