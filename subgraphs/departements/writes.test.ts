import { Axis } from "../domain/enums";
import { Actor, parseOrganisation } from "../platform/auth/organisation";
import { withLuhnCheckDigit } from "../domain/siret";
import { Violations } from "../domain/rules/violations";
import { violatedRules } from "../domain/rules/violated-rules";
import { checkDepartmentalCredit, DEPARTMENTAL_PROGRAMMES, DepartmentalCreditInput, requireDepartmentOf } from "./writes";

const SIRET = withLuhnCheckDigit("9740000000001");
const credit = (over: Partial<DepartmentalCreditInput> = {}): DepartmentalCreditInput =>
  Object.assign(new DepartmentalCreditInput(), {
    department: "974",
    year: 2025,
    programme: DEPARTMENTAL_PROGRAMMES[0],
    siret: SIRET,
    structureName: "PMI de Saint-Denis (fictif)",
    title: "Consultations avancées",
    amount: 80000,
    axes: [Axis.SCREENING_CONTINUITY, Axis.HEALTH_PROMOTION],
    projectRef: null,
    ...over,
  });
/** What a bad credit breaks; a refused credit is never returned checked. */
const broken = (input: DepartmentalCreditInput) => violatedRules((v) => expect(checkDepartmentalCredit(input, v)).toBeNull());
const actor = (org: string): Actor => ({ subject: "agent", organisation: parseOrganisation(org)! });

describe("the rules of a departmental credit", () => {
  it("keeps a valid credit in exact cents, for every programme", () => {
    for (const programme of DEPARTMENTAL_PROGRAMMES) {
      expect(checkDepartmentalCredit(credit({ programme }), new Violations())).toMatchObject({
        key: { departmentCode: "974", programme, title: "Consultations avancées" },
        amountCents: 8000000,
      });
    }
  });

  it.each<[Partial<DepartmentalCreditInput>, string[]]>([
    [{ programme: "PMI_GENERALE" as never }, ["PROGRAMME_UNKNOWN"]],
    [{ department: "975" }, ["DEPARTMENT_UNKNOWN"]],
    [{ year: 2031 }, ["YEAR_RANGE"]],
    [{ siret: withLuhnCheckDigit("9740000000001").slice(0, 13) }, ["SIRET_INVALID"]],
    [{ title: "   " }, ["REQUIRED"]],
    [{ structureName: "a\u0007b" }, ["TEXT_CONTROL_CHARACTER"]],
    [{ amount: 1_000_000_000.01 }, ["AMOUNT_CEILING"]],
    [{ projectRef: "" }, ["PROJECT_REF_FORMAT"]],
  ])("refuses %p", (over, rules) => {
    expect(broken(credit(over))).toEqual(rules);
  });
});

describe("who records a departmental credit", () => {
  it("is the conseil départemental of that department only", () => {
    expect(requireDepartmentOf(actor("cd:974"), "974").organisation.id).toBe("cd:974");
    for (const other of ["cd:971", "caf:974", "ars:04", "national"]) {
      expect(() => requireDepartmentOf(actor(other), "974")).toThrow(/Seul le conseil départemental 974 \(cd:974\)/);
    }
  });
});
