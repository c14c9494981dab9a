import { structureNameLoader } from "../domain/financing/funding-loaders";
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { FundingLine } from "../domain/federation/funding.types";
import { funderOfSource } from "../domain/financing/funders";
import { byKey, groupBy, perKey } from "../platform/graphql/batch";
import { departmentsOf, findDepartment, findRegion } from "../domain/reference/cog";
import { FundingSource } from "../domain/enums";
import { toCents } from "../domain/money";
import { DetailTable, detailLoader } from "../domain/financing/detail-loaders";
import { maisonRepository } from "./maison.repository";
import { MaisonAssessmentRow, MaisonBudgetLineRow, MaisonCarrierRow, MaisonDecision, MaisonProjectRow } from "./maison.entities";

export type MaisonsLoaders = ReturnType<typeof createMaisonsLoaders>;

/** An overseas region has one department: the Maison's department for CAF and departmental lines. */
export const territoryDepartment = (territoryCode: string) => departmentsOf(territoryCode)[0]?.code ?? territoryCode;

/**
 * A department's lines are its territory's (an overseas region has one department); a department
 * that is not overseas has none. An error (an unreadable sum) fails the department's lines: a
 * figure without them would look complete.
 */
const departmentFromTerritory = <Line>(byTerritory: DataLoader<string, Line[]>) =>
  new DataLoader<string, Line[]>(async (departments) => {
    const territories = departments.map((d) => {
      const region = findRegion(findDepartment(d)?.regionCode ?? "");
      return region?.overseas ? region.code : null;
    });
    const loaded = await byTerritory.loadMany(territories.filter((t): t is string => t !== null));
    const byCode = new Map(territories.filter((t): t is string => t !== null).map((t, i) => [t, loaded[i]]));
    return territories.map((t) => {
      const l = t ? byCode.get(t) : undefined;
      return l ?? [];
    });
  });

/**
 * The explorer's details: one per budget line of a labelled Maison, a forecast, without axes (the
 * project sheet names none), its SIRET the lead carrier's (the structure its lines count for).
 */
const BUDGET_DETAILS: DetailTable = {
  from: (qb) =>
    qb
      .from(MaisonBudgetLineRow, "b")
      .innerJoin(MaisonProjectRow, "m", "m.id = b.project_id")
      .leftJoin(MaisonCarrierRow, "c", "c.project_id = m.id AND c.position = 0")
      .andWhere("m.decision = :labelled", { labelled: MaisonDecision.LABELLED }),
  columns: {
    territory: "m.territory_code",
    year: "b.year",
    cents: "b.amount_cents",
    dossier: "m.project_ref",
    siret: "c.siret",
    source: "b.source",
  },
  funder: (territory, source) => funderOfSource(source, territory, territoryDepartment(territory)),
  forecast: true,
};

export function createMaisonsLoaders(ds: DataSource) {
  const projects = ds.getRepository(MaisonProjectRow);
  const childrenOf = <T extends { projectId: number }>(entity: new () => T, order: Record<string, "ASC">) =>
    new DataLoader<number, T[]>(async (ids) => {
      const grouped = groupBy(
        await ds.getRepository(entity).find({ where: { projectId: In([...ids]) } as never, order: order as never }),
        (r) => r.projectId,
      );
      return ids.map((id) => grouped.get(id) ?? []);
    });
  /**
   * Budget lines of labelled Maisons only (a forecast counts once the committee labels it),
   * summed per project key, year and source. `keyColumn` selects what the lines are grouped by.
   */
  const lines = (keyColumn: string, joinLeadCarrier: boolean) =>
    new DataLoader<string, FundingLine[]>(async (keys) => {
      const qb = ds
        .createQueryBuilder()
        .select(keyColumn, "key")
        .addSelect("m.territory_code", "territory")
        .addSelect("b.year", "year")
        .addSelect("b.source", "source")
        .addSelect("m.project_ref", "dossier")
        .addSelect("SUM(b.amount_cents)", "cents")
        .from(MaisonBudgetLineRow, "b")
        .innerJoin(MaisonProjectRow, "m", "m.id = b.project_id");
      if (joinLeadCarrier) qb.innerJoin(MaisonCarrierRow, "c", "c.project_id = m.id AND c.position = 0");
      const rows = await qb
        .where(`${keyColumn} IN (:...keys)`, { keys: [...keys] })
        .andWhere("m.decision = :labelled", { labelled: MaisonDecision.LABELLED })
        .groupBy(keyColumn)
        .addGroupBy("m.territory_code")
        .addGroupBy("b.year")
        .addGroupBy("b.source")
        .addGroupBy("m.project_ref")
        .getRawMany<{
          key: string;
          territory: string;
          year: string | number;
          source: FundingSource;
          dossier: string | null;
          cents: string | number;
        }>();
      const grouped = groupBy(rows, (r) => r.key);
      return perKey(keys, (k) =>
        (grouped.get(k) ?? []).map((r) => ({
          year: Number(r.year),
          source: r.source,
          funder: funderOfSource(r.source, r.territory, territoryDepartment(r.territory)),
          cents: toCents(r.cents),
          // a Maison's budget is a forecast: what a funder records for the same dossier replaces it (hub)
          dossier: r.dossier,
          forecast: true,
        })),
      );
    });
  const byTerritory = lines("m.territory_code", false);
  const detailsByTerritory = detailLoader(ds, BUDGET_DETAILS, "m.territory_code");

  const repository = maisonRepository(ds);
  /** Read once per request, on first use, and shared by every project of the request. */
  const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= read());
  };

  return {
    /** The grid is reference data: read once per request, shared by every project of the request. */
    labellingGrid: once(repository.labellingGrid),
    /** All Maison projects of the request's territories, loaded in one query. */
    projectsOfTerritories: once(repository.allProjects),
    projectById: new DataLoader<number, MaisonProjectRow | undefined>(async (ids) =>
      byKey(await projects.findBy({ id: In([...ids]) }), (p) => p.id, ids),
    ),
    projectsByRef: new DataLoader<string, MaisonProjectRow[]>(async (refs) => {
      const grouped = groupBy(
        await projects.find({ where: { projectRef: In([...refs]) }, order: { id: "ASC" } }),
        (p) => p.projectRef as string,
      );
      return refs.map((r) => grouped.get(r) ?? []);
    }),
    projectIdsByCarrier: new DataLoader<string, number[]>(async (sirets) => {
      const grouped = groupBy(
        await ds.getRepository(MaisonCarrierRow).find({ where: { siret: In([...sirets]) }, order: { projectId: "ASC" } }),
        (c) => c.siret,
      );
      return sirets.map((s) => (grouped.get(s) ?? []).map((c) => c.projectId));
    }),
    carriers: childrenOf(MaisonCarrierRow, { position: "ASC" }),
    assessments: childrenOf(MaisonAssessmentRow, { criterionCode: "ASC" }),
    budget: childrenOf(MaisonBudgetLineRow, { year: "ASC", id: "ASC" }),
    structureName: structureNameLoader(ds),
    linesByRegion: byTerritory,
    linesByDepartment: departmentFromTerritory(byTerritory),
    linesByStructure: lines("c.siret", true),
    linesByProject: lines("m.project_ref", false),
    detailsByRegion: detailsByTerritory,
    detailsByDepartment: departmentFromTerritory(detailsByTerritory),
    detailsByStructure: detailLoader(ds, BUDGET_DETAILS, "c.siret"),
    detailsByProject: detailLoader(ds, BUDGET_DETAILS, "m.project_ref"),
  };
}
