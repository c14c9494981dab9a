import { Axis, AXES_IN_ORDER } from "../../domain/enums";
import { Cents, sumCents } from "../../domain/money";
import { FundingDetailData } from "../contribution-fields";
import { countedDetails, fundersOf } from "./counted-details";

export interface AxisCents {
  axis: Axis;
  /** Every counted line tagged with this axis, in full (a line on two axes counts in both). */
  cents: Cents;
  lines: number;
  funders: string[];
}

export interface AxisFinancingData {
  /** The sum of the counted lines, each once: crossFinancing's total for the same entity and year. */
  totalCents: Cents;
  /** The six axes in the order of the instruction, an axis without money included (0, no funder). */
  byAxis: AxisCents[];
  /** Lines that no funder tagged with an axis (a Maison's budget, a grant without axes). */
  withoutAxisCents: Cents;
  withoutAxisLines: number;
}

/**
 * Cross-financing by thematic axis. A line on several axes counts in full in each: the axes do not
 * add up to the total (they do when every line has one axis at most). Exact sums or AmountError.
 */
export function axisFinancing(details: readonly FundingDetailData[], year?: number | null): AxisFinancingData {
  const counted = countedDetails(details, year);
  const withoutAxis = counted.filter((d) => d.axes.length === 0);
  return {
    totalCents: sumCents(counted.map((d) => d.cents)),
    byAxis: AXES_IN_ORDER.map((axis) => {
      const on = counted.filter((d) => d.axes.includes(axis));
      return { axis, cents: sumCents(on.map((d) => d.cents)), lines: on.length, funders: fundersOf(on) };
    }),
    withoutAxisCents: sumCents(withoutAxis.map((d) => d.cents)),
    withoutAxisLines: withoutAxis.length,
  };
}
