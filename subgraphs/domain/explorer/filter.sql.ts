import { Brackets, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { axisCondition, axisPattern } from "../../platform/db/columns";
import { CheckedExplorerFilter } from "./filter.rules";
import { foldedContains } from "./fold";
import { departmentsOf } from "../reference/cog";

/** Where a list keeps what the shared filters read: SQL expressions of its own query. */
export interface ExplorerColumns {
  /** The amount in integer cents. */
  amountCents: string;
  /** The axes column ("1,3,6"). */
  axes: string;
  /** The texts the free-text filter searches (title, the structure name the funder recorded). */
  texts: readonly string[];
}

/** Adds the shared filters to a list's query (page and count alike), each ANDed with the others. */
export function applyExplorerFilter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  checked: CheckedExplorerFilter,
  columns: ExplorerColumns,
): SelectQueryBuilder<T> {
  const { axes, minCents, maxCents, textPattern } = checked;
  if (axes) {
    qb.andWhere(
      new Brackets((any) =>
        axes.forEach((axis, i) =>
          any.orWhere(axisCondition(columns.axes, `explorerAxis${i}`), { [`explorerAxis${i}`]: axisPattern(axis) }),
        ),
      ),
    );
  }
  if (minCents !== null) qb.andWhere(`${columns.amountCents} >= :explorerMinCents`, { explorerMinCents: minCents });
  if (maxCents !== null) qb.andWhere(`${columns.amountCents} <= :explorerMaxCents`, { explorerMaxCents: maxCents });
  if (textPattern !== null) qb.andWhere(foldedContains(columns.texts, "explorerText"), { explorerText: textPattern });
  return qb;
}

/**
 * The territory and year of a departmental funder's list (a CAF's grants, a department's credits):
 * rows keyed by department, a region meaning its departments (COG). Added to `qb` under `alias`.
 */
export function applyDepartmentalTerritory<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  filter: { year?: number | null; region?: string | null; department?: string | null } | null | undefined,
): SelectQueryBuilder<T> {
  if (filter?.year != null) qb.andWhere(`${alias}.year = :year`, { year: filter.year });
  if (filter?.region != null)
    qb.andWhere(`${alias}.department_code IN (:...regionDepartments)`, {
      regionDepartments: departmentsOf(filter.region).map((d) => d.code),
    });
  if (filter?.department != null) qb.andWhere(`${alias}.department_code = :department`, { department: filter.department });
  return qb;
}
