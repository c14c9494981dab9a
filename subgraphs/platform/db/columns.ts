import { Axis, axisFromNumber, axisNumber } from "../../domain/enums";

/** Axes stored as their instruction numbers ("1,3,6"): readable in SQL, filterable with LIKE. */
export const axesColumn = {
  to: (axes: Axis[] | null | undefined) =>
    axes
      ? axes
          .map(axisNumber)
          .sort((a, b) => a - b)
          .join(",")
      : "",
  from: (value: string | null) => (value ? value.split(",").map((n) => axisFromNumber(Number(n))) : []),
};

/** SQL condition "the axes column contains axis n", the same on SQLite and PostgreSQL. */
export const axisCondition = (column: string, param: string) => `(',' || ${column} || ',') LIKE :${param}`;
export const axisPattern = (axis: Axis) => `%,${axisNumber(axis)},%`;
