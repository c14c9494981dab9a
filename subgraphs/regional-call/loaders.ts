import { structureNameLoader } from "../domain/financing/funding-loaders";
import DataLoader from "dataloader";
import { DataSource, In, IsNull } from "typeorm";
import { COUNTED_STATUSES } from "../domain/enums";
import { FundingLine } from "../domain/federation/funding.types";
import { regionalFunder } from "../domain/financing/funders";
import { sumCents, toCents } from "../domain/money";
import { splitAcrossDepartments } from "../domain/financing/cross-financing";
import { groupBy, byKey, perKey } from "../platform/graphql/batch";
import { CallRow } from "./call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "./laureate-project.entity";
import { CallSide } from "./side";
import { createRegionalCallDetailLoaders } from "./detail-loaders";

export type RegionalCallLoaders = ReturnType<typeof createRegionalCallLoaders>;

/** Per-request loaders: each relation or reference costs one query per request, whatever the data size. */
export function createRegionalCallLoaders(ds: DataSource, side: CallSide) {
  const calls = ds.getRepository(CallRow);
  const projects = ds.getRepository(LaureateProjectRow);

  /** The side's counted lines per key, region, year and dossier (summed in SQL: one row per group). */
  const fundingLines = (keyColumn: string) =>
    new DataLoader<string, FundingLine[]>(async (keys) => {
      const rows = await ds
        .createQueryBuilder()
        .select(keyColumn, "key")
        .addSelect("c.region_code", "region")
        .addSelect("p.year", "year")
        .addSelect("p.project_ref", "dossier")
        .addSelect("SUM(p.amount_cents)", "cents")
        .from(LaureateProjectRow, "p")
        .innerJoin(CallRow, "c", "c.id = p.call_id")
        .where(`${keyColumn} IN (:...keys)`, { keys: [...keys] })
        .andWhere("p.status IN (:...statuses)", { statuses: [...COUNTED_STATUSES] })
        .groupBy(keyColumn)
        .addGroupBy("c.region_code")
        .addGroupBy("p.year")
        .addGroupBy("p.project_ref")
        .getRawMany<{ key: string; region: string; year: number | string; dossier: string | null; cents: string | number }>();
      const lines = groupBy(rows, (r) => r.key);
      return perKey(keys, (key) => (lines.get(key) ?? []).map((r) => lineOf(r.region, Number(r.year), r.dossier, toCents(r.cents))));
    });
  const lineOf = (region: string, year: number, dossier: string | null, cents: number): FundingLine => ({
    year,
    source: side.source,
    funder: regionalFunder(side.body, region),
    cents,
    dossier,
    forecast: false,
  });

  /**
   * A department's share of the projects running in it: each project's amount is split across all
   * its departments (splitAcrossDepartments), so that the departments of a region add up to the
   * region to the cent. Reads every department of the projects concerned (one query), splits in code.
   */
  const departmentLines = new DataLoader<string, FundingLine[]>(async (keys) => {
    const rows = await ds
      .createQueryBuilder()
      .select("p.id", "id")
      .addSelect("c.region_code", "region")
      .addSelect("p.year", "year")
      .addSelect("p.project_ref", "dossier")
      .addSelect("p.amount_cents", "cents")
      .addSelect("d.department_code", "department")
      .from(LaureateProjectRow, "p")
      .innerJoin(CallRow, "c", "c.id = p.call_id")
      .innerJoin(LaureateProjectDepartmentRow, "d", "d.project_id = p.id")
      .where(
        (qb) =>
          `p.id IN ${qb.subQuery().select("k.project_id").from(LaureateProjectDepartmentRow, "k").where("k.department_code IN (:...keys)").getQuery()}`,
        { keys: [...keys] },
      )
      .andWhere("p.status IN (:...statuses)", { statuses: [...COUNTED_STATUSES] })
      .getRawMany<{
        id: number;
        region: string;
        year: number | string;
        dossier: string | null;
        cents: string | number;
        department: string;
      }>();
    const wanted = new Set(keys);
    const shares: { department: string; region: string; year: number; dossier: string | null; cents: number }[] = [];
    const failed = new Map<string, Error>();
    for (const project of groupBy(rows, (r) => r.id).values()) {
      const { region, year, dossier, cents } = project[0];
      const departments = project.map((r) => r.department);
      try {
        for (const share of splitAcrossDepartments(toCents(cents), departments))
          shares.push({ ...share, region, year: Number(year), dossier });
      } catch (error) {
        for (const d of departments) failed.set(d, error as Error); // an unreadable amount fails its departments only
      }
    }
    const byDepartment = groupBy(
      shares.filter((s) => wanted.has(s.department)),
      (s) => s.department,
    );
    return perKey(keys, (key) => {
      const error = failed.get(key);
      if (error) throw error;
      const groups = groupBy(byDepartment.get(key) ?? [], (s) => `${s.region}\u0000${s.year}\u0000${s.dossier}`);
      return [...groups.values()].map((g) => lineOf(g[0].region, g[0].year, g[0].dossier, sumCents(g.map((s) => s.cents))));
    });
  });

  return {
    callById: new DataLoader<number, CallRow | undefined>(async (ids) => byKey(await calls.findBy({ id: In([...ids]) }), (c) => c.id, ids)),
    callsByRegion: new DataLoader<string, CallRow[]>(async (codes) => {
      const rows = await calls.find({ where: { regionCode: In([...codes]) }, order: { year: "ASC", id: "ASC" } });
      const grouped = groupBy(rows, (c) => c.regionCode);
      return codes.map((code) => grouped.get(code) ?? []);
    }),
    projectById: new DataLoader<number, LaureateProjectRow | undefined>(async (ids) =>
      byKey(await projects.findBy({ id: In([...ids]) }), (p) => p.id, ids),
    ),
    /** The laureates a call selected (renewals hang off the project they renew). */
    projectsByCall: new DataLoader<number, LaureateProjectRow[]>(async (ids) => {
      const rows = await projects.find({ where: { callId: In([...ids]), renewedFromId: IsNull() }, order: { id: "ASC" } });
      const grouped = groupBy(rows, (p) => p.callId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    projectsByStructure: new DataLoader<string, LaureateProjectRow[]>(async (sirets) => {
      const rows = await projects.find({ where: { siret: In([...sirets]) }, order: { year: "ASC", id: "ASC" } });
      const grouped = groupBy(rows, (p) => p.siret);
      return sirets.map((s) => grouped.get(s) ?? []);
    }),
    projectsByRef: new DataLoader<string, LaureateProjectRow[]>(async (refs) => {
      const rows = await projects.find({ where: { projectRef: In([...refs]) }, order: { year: "ASC", id: "ASC" } });
      const grouped = groupBy(rows, (p) => p.projectRef as string);
      return refs.map((r) => grouped.get(r) ?? []);
    }),
    departmentsByProject: new DataLoader<number, string[]>(async (ids) => {
      const rows = await ds
        .getRepository(LaureateProjectDepartmentRow)
        .find({ where: { projectId: In([...ids]) }, order: { departmentCode: "ASC" } });
      const grouped = groupBy(rows, (r) => r.projectId);
      return ids.map((id) => (grouped.get(id) ?? []).map((r) => r.departmentCode));
    }),
    structureName: structureNameLoader(ds),
    linesByRegion: fundingLines("c.region_code"),
    linesByDepartment: departmentLines,
    linesByStructure: fundingLines("p.siret"),
    linesByProject: fundingLines("p.project_ref"),
    ...createRegionalCallDetailLoaders(ds, side),
  };
}
