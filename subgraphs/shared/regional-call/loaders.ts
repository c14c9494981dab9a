import { structureNameLoader } from "../graphql/shared-loaders";
import DataLoader from "dataloader";
import { DataSource, In, IsNull } from "typeorm";
import { COUNTED_STATUSES } from "../enums";
import { FundingLine } from "../federation/funding.types";
import { regionalFunder } from "../financing/funders";
import { toCents } from "../money";
import { groupBy, byKey } from "../graphql/batch";
import { CallRow } from "./call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "./laureate-project.entity";
import { CallSide } from "./side";

export type RegionalCallLoaders = ReturnType<typeof createRegionalCallLoaders>;

/** Per-request loaders: each relation or reference costs one query per request, whatever the data size. */
export function createRegionalCallLoaders(ds: DataSource, side: CallSide) {
  const calls = ds.getRepository(CallRow);
  const projects = ds.getRepository(LaureateProjectRow);

  const fundingLines = (keyColumn: string, joinDepartments: boolean) =>
    new DataLoader<string, FundingLine[]>(async (keys) => {
      const qb = ds
        .createQueryBuilder()
        .select(`${keyColumn}`, "key")
        .addSelect("c.region_code", "region")
        .addSelect("p.year", "year")
        .addSelect("SUM(p.amount_cents)", "cents")
        .from(LaureateProjectRow, "p")
        .innerJoin(CallRow, "c", "c.id = p.call_id");
      if (joinDepartments) qb.innerJoin(LaureateProjectDepartmentRow, "d", "d.project_id = p.id");
      const rows = await qb
        .where(`${keyColumn} IN (:...keys)`, { keys: [...keys] })
        .andWhere("p.status IN (:...statuses)", { statuses: [...COUNTED_STATUSES] })
        .groupBy(keyColumn)
        .addGroupBy("c.region_code")
        .addGroupBy("p.year")
        .getRawMany<{ key: string; region: string; year: number | string; cents: string | number }>();
      const lines = groupBy(rows, (r) => String(r.key));
      return keys.map((key) =>
        (lines.get(key) ?? []).map((r) => ({ year: Number(r.year), source: side.source, funder: regionalFunder(side.body, r.region), cents: toCents(r.cents) })),
      );
    });

  return {
    callById: new DataLoader<number, CallRow | undefined>(async (ids) => byKey(await calls.findBy({ id: In([...ids]) }), (c) => c.id, ids)),
    callsByRegion: new DataLoader<string, CallRow[]>(async (codes) => {
      const rows = await calls.find({ where: { regionCode: In([...codes]) }, order: { year: "ASC", id: "ASC" } });
      const grouped = groupBy(rows, (c) => c.regionCode);
      return codes.map((code) => grouped.get(code) ?? []);
    }),
    projectById: new DataLoader<number, LaureateProjectRow | undefined>(async (ids) => byKey(await projects.findBy({ id: In([...ids]) }), (p) => p.id, ids)),
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
      const rows = await ds.getRepository(LaureateProjectDepartmentRow).find({ where: { projectId: In([...ids]) }, order: { departmentCode: "ASC" } });
      const grouped = groupBy(rows, (r) => r.projectId);
      return ids.map((id) => (grouped.get(id) ?? []).map((r) => r.departmentCode));
    }),
    structureName: structureNameLoader(ds),
    linesByRegion: fundingLines("c.region_code", false),
    linesByDepartment: fundingLines("d.department_code", true),
    linesByStructure: fundingLines("p.siret", false),
    linesByProject: fundingLines("p.project_ref", false),
  };
}
