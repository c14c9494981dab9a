import { Axis, FundingSource } from "../domain/enums";
import { Actor, parseOrganisation } from "../platform/auth/organisation";
import { withLuhnCheckDigit } from "../domain/siret";
import { Violations } from "../domain/rules/violations";
import { violatedRules } from "../domain/rules/violated-rules";
import { checkParentalityGrant, ParentalityGrantInput, requireCafOf } from "./writes";

const SIRET = withLuhnCheckDigit("4400000000001");
const grant = (over: Partial<ParentalityGrantInput> = {}): ParentalityGrantInput =>
  Object.assign(new ParentalityGrantInput(), {
    department: "44",
    year: 2024,
    fund: FundingSource.CAF_REAAP,
    siret: SIRET,
    structureName: " Centre social (fictif) ",
    title: " Café des parents ",
    amount: 12500.5,
    axes: [Axis.PARENT_ISOLATION],
    projectRef: "DOSSIER-44-1",
    ...over,
  });
/** What a bad grant breaks; a refused grant is never returned checked. */
const broken = (input: ParentalityGrantInput) => violatedRules((v) => expect(checkParentalityGrant(input, v)).toBeNull());
const actor = (org: string): Actor => ({ subject: "agent", organisation: parseOrganisation(org)! });

describe("the rules of a CAF grant", () => {
  it("keeps a valid grant, trimmed, in exact cents, with its uniqueness key", () => {
    const v = new Violations();
    expect(checkParentalityGrant(grant(), v)).toEqual({
      key: { departmentCode: "44", year: 2024, fund: FundingSource.CAF_REAAP, siret: SIRET, title: "Café des parents" },
      structureName: "Centre social (fictif)",
      amountCents: 1250050,
      axes: [Axis.PARENT_ISOLATION],
      projectRef: "DOSSIER-44-1",
    });
    expect(v.empty).toBe(true);
  });

  it("accepts a grant without axes or dossier (CAF grants may tag axes)", () => {
    expect(checkParentalityGrant(grant({ axes: null, projectRef: null }), new Violations())).toMatchObject({ axes: [], projectRef: null });
  });

  it.each([FundingSource.FIR, FundingSource.P304_17, FundingSource.P304_19, FundingSource.DEPARTMENT])(
    "refuses %s: FIR and P304 are not CAF funds",
    (fund) => {
      expect(broken(grant({ fund }))).toEqual(["FUND_NOT_CAF"]);
    },
  );

  it.each<[Partial<ParentalityGrantInput>, string[]]>([
    [{ department: "99" }, ["DEPARTMENT_UNKNOWN"]],
    [{ year: 2020 }, ["YEAR_RANGE"]],
    [{ siret: "44000000000000" }, ["SIRET_INVALID"]],
    [{ structureName: "" }, ["REQUIRED"]],
    [{ title: "x".repeat(301) }, ["TEXT_TOO_LONG"]],
    [{ amount: 0 }, ["AMOUNT_POSITIVE"]],
    [{ amount: 10.001 }, ["AMOUNT_CENTS"]],
    [{ axes: [Axis.SECOND_PARENT, Axis.SECOND_PARENT] }, ["AXIS_DUPLICATE"]],
    [{ projectRef: "dossier 44" }, ["PROJECT_REF_FORMAT"]],
    [{ year: 2019, amount: -5, siret: "1" }, ["YEAR_RANGE", "SIRET_INVALID", "AMOUNT_POSITIVE"]],
  ])("refuses %p", (over, rules) => {
    expect(broken(grant(over))).toEqual(rules);
  });
});

describe("who records a CAF grant", () => {
  it("is the CAF of the grant's department only", () => {
    expect(requireCafOf(actor("caf:44"), "44").organisation.id).toBe("caf:44");
    for (const other of ["caf:49", "cd:44", "ars:52", "dreets:52", "national"]) {
      expect(() => requireCafOf(actor(other), "44")).toThrow(/Seule la CAF du département 44 \(caf:44\)/);
    }
  });
  it("refuses an anonymous write", () => {
    expect(() => requireCafOf(null, "44")).toThrow();
  });
});
