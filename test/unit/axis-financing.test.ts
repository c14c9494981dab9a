/**
 * Cross-financing by axis (subgraphs/hub/explorer/axis-financing.ts), over random lines
 * (fast-check): its total is crossFinancing's, every line counts in full on each of its axes, and
 * the axes add up to the total exactly when no line has more than one.
 */
import fc from "fast-check";
import { AXES_IN_ORDER, Axis, FundingSource } from "../../subgraphs/domain/enums";
import { crossFinancing } from "../../subgraphs/domain/financing/cross-financing";
import { axisFinancing } from "../../subgraphs/hub/explorer/axis-financing";
import { detailsArb } from "../support/detail-arbitrary";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

test("an example: a line on two axes in both, a line without axis apart, a replaced forecast nowhere", () => {
  const base = { year: 2024, source: FundingSource.DEPARTMENT, funder: "CD", dossier: "D", siret: "S", forecast: false };
  const figure = axisFinancing(
    [
      { ...base, cents: 100, axes: [Axis.HEALTH_PROMOTION, Axis.SECOND_PARENT] },
      { ...base, cents: 40, axes: [], source: FundingSource.FIR, funder: "ARS" },
      { ...base, cents: 999, axes: [Axis.HEALTH_PROMOTION], forecast: true },
    ],
    2024,
  );
  expect(figure.totalCents).toBe(140);
  expect(figure.byAxis.filter((a) => a.cents > 0)).toEqual([
    { axis: Axis.HEALTH_PROMOTION, cents: 100, lines: 1, funders: ["CD"] },
    { axis: Axis.SECOND_PARENT, cents: 100, lines: 1, funders: ["CD"] },
  ]);
  expect({ cents: figure.withoutAxisCents, lines: figure.withoutAxisLines }).toEqual({ cents: 40, lines: 1 });
  expect(figure.byAxis.map((a) => a.axis)).toEqual(AXES_IN_ORDER);
});

test("the total is crossFinancing's; the axes and the lines without axis cover it, exactly when no line has two axes", () => {
  fc.assert(
    fc.property(detailsArb, fc.option(fc.constantFrom(2023, 2024), { nil: null }), (details, year) => {
      const figure = axisFinancing(details, year);
      expect(figure.totalCents).toBe(crossFinancing(details, year).totalCents);
      const covered = sum(figure.byAxis.map((a) => a.cents)) + figure.withoutAxisCents;
      expect(covered).toBeGreaterThanOrEqual(figure.totalCents);
      for (const a of figure.byAxis) expect(a.cents).toBeLessThanOrEqual(figure.totalCents);
      const oneAxisAtMost = axisFinancing(
        details.map((d) => ({ ...d, axes: d.axes.slice(0, 1) })),
        year,
      );
      expect(sum(oneAxisAtMost.byAxis.map((a) => a.cents)) + oneAxisAtMost.withoutAxisCents).toBe(oneAxisAtMost.totalCents);
    }),
  );
});
