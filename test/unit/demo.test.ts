import { buildDemoDataset } from "../../fixtures/demo/dataset";
import { isValidSiret } from "../../subgraphs/domain/siret";
import { departmentsOf, findDepartment } from "../../subgraphs/domain/reference/cog";

describe("the fictitious demo set", () => {
  const dataset = buildDemoDataset();
  test("is deterministic", () => {
    expect(buildDemoDataset()).toEqual(dataset);
  });
  test("says it is fictitious, with valid SIRETs", () => {
    for (const s of dataset.structures) {
      expect(s.name).toMatch(/\(fictif\)$/);
      expect(isValidSiret(s.siret)).toBe(true);
    }
    expect(new Set(dataset.structures.map((s) => s.siret)).size).toBe(dataset.structures.length);
  });
  test("keeps the rules: projects inside their call's region, on the call's axes", () => {
    for (const call of dataset.calls) {
      const regionDepartments = departmentsOf(call.regionCode).map((d) => d.code);
      for (const l of call.laureates) {
        expect(l.departments.every((d) => regionDepartments.includes(d))).toBe(true);
        expect(l.axes.length).toBeGreaterThan(0);
        expect(l.axes.every((a) => call.axes.includes(a))).toBe(true);
      }
    }
    for (const g of dataset.grants) expect(findDepartment(g.departmentCode)).toBeDefined();
    for (const m of dataset.maisons) expect(m.budget.every((b) => b.year === 2024 || b.year === 2025)).toBe(true);
  });
  test("has co-financed dossiers: one reference funded by several partners", () => {
    const health = new Set(dataset.calls.filter((c) => c.side === "health").flatMap((c) => c.laureates.map((l) => l.projectRef)));
    const cofunded = dataset.grants.filter((g) => g.projectRef && health.has(g.projectRef));
    expect(cofunded.length).toBeGreaterThan(0);
  });
});
