import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { COUNTED_STATUSES } from "../domain/enums";
import { FundingDetail } from "../domain/federation/funding.types";
import { regionalFunder } from "../domain/financing/funders";
import { splitAcrossDepartments } from "../domain/financing/cross-financing";
import { toCents } from "../domain/money";
import { groupBy, perKey } from "../platform/graphql/batch";
import { DetailRow, DetailTable, detailLoader, detailQuery, toDetail } from "../domain/financing/detail-loaders";
import { CallRow } from "./call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "./laureate-project.entity";
import { CallSide } from "./side";

/**
 * The explorer's details of one side of the regional calls: one per counted laureate (awarded,
 * evaluated or renewed, never withdrawn), with its SIRET and axes; in a department, its share.
 */
export function createRegionalCallDetailLoaders(ds: DataSource, side: CallSide) {
  const laureates: DetailTable = {
    from: (qb) =>
      qb
        .from(LaureateProjectRow, "p")
        .innerJoin(CallRow, "c", "c.id = p.call_id")
        .andWhere("p.status IN (:...statuses)", { statuses: [...COUNTED_STATUSES] }),
    columns: {
      territory: "c.region_code",
      year: "p.year",
      cents: "p.amount_cents",
      dossier: "p.project_ref",
      siret: "p.siret",
      axes: "p.axes",
    },
    source: side.source,
    funder: (region) => regionalFunder(side.body, region),
    forecast: false,
  };
  const withDepartments: DetailTable = {
    ...laureates,
    from: (qb) => laureates.from(qb).innerJoin(LaureateProjectDepartmentRow, "d", "d.project_id = p.id"),
  };

  /**
   * A department's share of each laureate running in it, split as `linesByDepartment` splits it
   * (splitAcrossDepartments: the departments add up to the region, to the cent). Reads every
   * department of the projects concerned in one statement, splits in code.
   */
  const byDepartment = new DataLoader<string, FundingDetail[]>(async (keys) => {
    const inKeys = `p.id IN (SELECT k.project_id FROM laureate_project_department k WHERE k.department_code IN (:...keys))`;
    const rows = await detailQuery(ds, withDepartments, "d.department_code", keys, inKeys)
      .addSelect("p.id", "id")
      .getRawMany<DetailRow & { id: number | string }>();
    const wanted = new Set(keys);
    const shares: { department: string; detail: FundingDetail }[] = [];
    const failed = new Map<string, Error>();
    for (const project of groupBy(rows, (r) => Number(r.id)).values()) {
      const departments = project.map((r) => String(r.key));
      try {
        for (const share of splitAcrossDepartments(toCents(project[0].cents), departments)) {
          if (wanted.has(share.department))
            shares.push({ department: share.department, detail: toDetail(withDepartments, project[0], share.cents) });
        }
      } catch (error) {
        for (const d of departments) failed.set(d, error as Error); // an unreadable amount fails its departments only
      }
    }
    const grouped = groupBy(shares, (s) => s.department);
    return perKey(keys, (key) => {
      const error = failed.get(key);
      if (error) throw error;
      return (grouped.get(key) ?? []).map((s) => s.detail);
    });
  });

  return {
    detailsByRegion: detailLoader(ds, laureates, "c.region_code"),
    detailsByDepartment: byDepartment,
    detailsByStructure: detailLoader(ds, laureates, "p.siret"),
    detailsByProject: detailLoader(ds, laureates, "p.project_ref"),
  };
}
