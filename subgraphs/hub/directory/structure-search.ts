/**
 * Structure search over the hub's structure directory (one name per SIRET): the analyst's way in
 * when they know a name or the start of a SIRET, not the whole SIRET. Reads the directory only,
 * in two statements (the page, the count); each result is the Structure entity, so the analyst
 * asks crossFinancing, healthProjects… on it as on Query.structure.
 */
import { DataSource, SelectQueryBuilder } from "typeorm";
import { badInput } from "../../platform/errors";
import { binaryOrder, foldSql } from "../../domain/explorer/fold";
import { checkSearchText } from "../../domain/explorer/filter.rules";
import { checkPageSize } from "../../platform/graphql/keyset-page";
import { PageInfo } from "../../platform/graphql/pagination";
import { Violations } from "../../domain/rules/violations";
import { StructureDirectoryRow } from "./structure-directory.entity";

export const STRUCTURE_SEARCH_MAX_PAGE = 100;
const SIRET_PREFIX = { min: 3, max: 14 };

export interface FoundStructure {
  siret: string;
  name: string | null;
}
export interface StructurePage {
  totalCount: number;
  edges: { cursor: string; structure: FoundStructure }[];
  pageInfo: PageInfo;
}

/** What a search asks, once its rule passed: a SIRET prefix, or a LIKE pattern on the folded name. */
type Match = { siretPrefix: string } | { namePattern: string };

/** Digits only (spaces allowed, as SIRETs are often written): a SIRET prefix; otherwise a name. */
export function parseStructureSearch(search: string): Match {
  const v = new Violations();
  const trimmed = search.trim();
  if (/^[\d\s]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\s/g, "");
    v.check(
      digits.length >= SIRET_PREFIX.min && digits.length <= SIRET_PREFIX.max,
      "search",
      "SIRET_PREFIX_LENGTH",
      `Une recherche par SIRET donne de ${SIRET_PREFIX.min} à ${SIRET_PREFIX.max} chiffres (début du SIRET) : « ${trimmed} » en compte ${digits.length}.`,
    );
    v.throwIfAny();
    return { siretPrefix: digits };
  }
  const namePattern = checkSearchText(v, "search", search, "Le nom recherché");
  return { namePattern: v.valueOrThrow(namePattern) };
}

/** Cursor: the folded name and the SIRET of the last row (keyset on the order of the results). */
const encodeCursor = (sortKey: string, siret: string) => Buffer.from(JSON.stringify([sortKey, siret])).toString("base64url");
function decodeCursor(cursor: string | null | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      value[0].length <= 2000 &&
      typeof value[1] === "string" &&
      /^\d{14}$/.test(value[1])
    )
      return [value[0], value[1]];
  } catch {
    // falls through to the refusal
  }
  throw badInput("Curseur de pagination invalide.", "after");
}

const NAME = "COALESCE(s.official_name, s.recorded_name, '')";

/** Structures of the directory matching `search`, ordered by folded name then SIRET, byte order on both engines. */
export async function searchStructures(ds: DataSource, search: string, first: number, after?: string | null): Promise<StructurePage> {
  checkPageSize(first, STRUCTURE_SEARCH_MAX_PAGE);
  const match = parseStructureSearch(search);
  const position = decodeCursor(after);
  const bin = (expression: string) => binaryOrder(ds.options.type === "postgres", expression);
  const filtered = (): SelectQueryBuilder<object> => {
    const qb = ds
      .createQueryBuilder()
      .from(
        (sub) =>
          sub.select("s.siret", "siret").addSelect(NAME, "name").addSelect(foldSql(NAME), "sort_key").from(StructureDirectoryRow, "s"),
        "d",
      );
    return "siretPrefix" in match
      ? qb.where("d.siret LIKE :siretPrefix", { siretPrefix: `${match.siretPrefix}%` })
      : qb.where("d.sort_key LIKE :namePattern ESCAPE '\\'", { namePattern: match.namePattern });
  };
  const page = filtered().select("d.siret", "siret").addSelect("d.name", "name").addSelect("d.sort_key", "sort_key");
  if (position)
    page.andWhere(`(${bin("d.sort_key")} > :afterKey OR (d.sort_key = :afterKey AND ${bin("d.siret")} > :afterSiret))`, {
      afterKey: position[0],
      afterSiret: position[1],
    });
  const [rows, count] = await Promise.all([
    page
      .orderBy(bin("d.sort_key"), "ASC")
      .addOrderBy(bin("d.siret"), "ASC")
      .limit(first + 1)
      .getRawMany<{ siret: string; name: string; sort_key: string }>(),
    filtered().select("COUNT(*)", "n").getRawOne<{ n: string | number }>(),
  ]);
  const edges = rows
    .slice(0, first)
    .map((r) => ({ cursor: encodeCursor(r.sort_key, r.siret), structure: { siret: r.siret, name: r.name || null } }));
  return {
    totalCount: Number(count?.n ?? 0),
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: position !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
