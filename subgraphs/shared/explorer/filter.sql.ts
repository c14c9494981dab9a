import { Brackets, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { axisCondition, axisPattern } from "../db/columns";
import { CheckedExplorerFilter } from "./filter.rules";
import { foldedContains } from "./fold";

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
