import { SelectQueryBuilder } from "typeorm";
import { badInput } from "../errors";
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, PageInfo } from "./pagination";

/** A page of rows and what a Relay connection says about it. */
export interface RowPage<Row> {
  totalCount: number;
  edges: { cursor: string; row: Row }[];
  pageInfo: PageInfo;
}

/** `first` within the page bound: refused in French otherwise. */
export function checkPageSize(first: number, max = MAX_PAGE_SIZE): void {
  if (!Number.isInteger(first) || first < 0 || first > max)
    throw badInput(`La taille de page (first) est comprise entre 0 et ${max}.`, "first");
}

/**
 * One page of a list ordered by id (keyset: stable while rows are added), under whatever filter
 * `filtered` builds: two statements, the page (one row more than asked, to know whether another
 * page follows) and the count, both from the same filtered query.
 */
export async function idKeysetPage<Row extends { id: number }>(
  filtered: () => SelectQueryBuilder<Row>,
  alias: string,
  first: number,
  after?: string | null,
): Promise<RowPage<Row>> {
  checkPageSize(first);
  let afterId: number;
  try {
    afterId = decodeCursor(after);
  } catch (error) {
    throw badInput((error as Error).message, "after");
  }
  const [rows, totalCount] = await Promise.all([
    filtered()
      .andWhere(`${alias}.id > :keysetAfterId`, { keysetAfterId: afterId })
      .orderBy(`${alias}.id`, "ASC")
      .limit(first + 1)
      .getMany(),
    filtered().getCount(),
  ]);
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(row.id), row }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterId > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
