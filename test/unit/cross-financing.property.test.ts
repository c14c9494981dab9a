/**
 * Properties of the hub's summing code over random lines (fast-check): the split across
 * departments, reconciliation and every breakdown add up exactly. The same invariants through the
 * gateway, on stored data: test/e2e/figures-invariants.e2e.test.ts.
 */
import fc from "fast-check";
import { FundingSource } from "../../subgraphs/domain/enums";
import { crossFinancing, FundingLineData, splitAcrossDepartments } from "../../subgraphs/domain/financing/cross-financing";

const cents = fc.integer({ min: 0, max: 100_000_000_000 });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const departments = fc.uniqueArray(fc.constantFrom("44", "49", "53", "72", "85", "2A", "974"), { minLength: 1, maxLength: 5 });

const lineArb: fc.Arbitrary<FundingLineData & { department: string }> = fc.record({
  year: fc.constantFrom(2021, 2023, 2024, 2025),
  source: fc.constantFrom(FundingSource.FIR, FundingSource.CAF_FNP, FundingSource.DEPARTMENT, FundingSource.OTHER),
  funder: fc.constantFrom("ARS Bretagne", "CAF 35 Ille-et-Vilaine", "Conseil départemental 35 Ille-et-Vilaine", "Autres financeurs"),
  cents,
  dossier: fc.option(fc.constantFrom("D-1", "D-2", "D-3"), { nil: null }),
  forecast: fc.boolean(),
  department: fc.constantFrom("35", "22"),
});

test("a split gives every department its share, adds up to the amount, whatever the order of the codes", () => {
  fc.assert(
    fc.property(cents, departments, (amount, codes) => {
      const shares = splitAcrossDepartments(amount, codes);
      expect(sum(shares.map((s) => s.cents))).toBe(amount);
      expect(Math.max(...shares.map((s) => s.cents)) - Math.min(...shares.map((s) => s.cents))).toBeLessThanOrEqual(1);
      expect(splitAcrossDepartments(amount, [...codes].reverse())).toEqual(shares);
    }),
  );
});

test("bySource, byYear and byFunder each add up to the total; forecasts counted are part of it", () => {
  fc.assert(
    fc.property(fc.array(lineArb, { maxLength: 30 }), fc.option(fc.constantFrom(2021, 2024), { nil: null }), (lines, year) => {
      const figure = crossFinancing(lines, year);
      expect(sum(figure.bySource.map((s) => s.cents))).toBe(figure.totalCents);
      expect(sum(figure.byYear.map((y) => y.totalCents))).toBe(figure.totalCents);
      expect(sum(figure.byFunder.map((f) => f.cents))).toBe(figure.totalCents);
      expect(figure.forecastCents).toBe(sum(figure.byFunder.map((f) => f.forecastCents)));
      // what is replaced plus what is counted is every line
      expect(figure.totalCents + sum(figure.byFunder.map((f) => f.replacedForecastCents))).toBe(
        sum(lines.filter((l) => year == null || l.year === year).map((l) => l.cents)),
      );
    }),
  );
});

test("a forecast is replaced exactly when an actual of the same dossier, source and year is recorded", () => {
  fc.assert(
    fc.property(fc.array(lineArb, { maxLength: 30 }), (lines) => {
      // the rule of schema/README.md, written out line by line, independently of the hub's code
      const hasActual = (f: FundingLineData) =>
        lines.some(
          (a) => !a.forecast && a.cents > 0 && a.dossier !== null && a.dossier === f.dossier && a.source === f.source && a.year === f.year,
        );
      const replaced = lines.filter((l) => l.forecast && l.dossier !== null && hasActual(l));
      const figure = crossFinancing(lines);
      expect(sum(figure.byFunder.map((f) => f.replacedForecastCents))).toBe(sum(replaced.map((l) => l.cents)));
      expect(figure.totalCents).toBe(sum(lines.filter((l) => !replaced.includes(l)).map((l) => l.cents)));
    }),
  );
});

test("departments add up to their region when a dossier's lines stay in one department", () => {
  // a dossier's forecast and its actuals are in one department (a Maison's territory has one)
  const inOneDepartment = fc
    .array(lineArb, { maxLength: 30 })
    .map((lines) => lines.map((l) => ({ ...l, department: l.dossier === "D-2" ? "22" : l.dossier ? "35" : l.department })));
  fc.assert(
    fc.property(inOneDepartment, (lines) => {
      const region = crossFinancing(lines).totalCents;
      const byDepartment = ["35", "22"].map((d) => crossFinancing(lines.filter((l) => l.department === d)).totalCents);
      expect(sum(byDepartment)).toBe(region);
    }),
  );
});

test("a project split across its departments: the shares summed per department add up to the region", () => {
  const project = fc.record({ cents, departments });
  fc.assert(
    fc.property(fc.array(project, { maxLength: 20 }), (projects) => {
      const shares = projects.flatMap((p) => splitAcrossDepartments(p.cents, p.departments));
      const perDepartment = [...new Set(shares.map((s) => s.department))].map((d) =>
        sum(shares.filter((s) => s.department === d).map((s) => s.cents)),
      );
      expect(sum(perDepartment)).toBe(sum(projects.map((p) => p.cents)));
    }),
  );
});
