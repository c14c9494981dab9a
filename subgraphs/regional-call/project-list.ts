import { DataSource } from "typeorm";
import { Axis, GrantStatus } from "../domain/enums";
import { axisCondition, axisPattern } from "../platform/db/columns";
import { Violations } from "../domain/rules/violations";
import { checkExplorerFilter, checkNonEmpty, ExplorerFilterValues, graphqlFilterField } from "../domain/explorer/filter.rules";
import { applyExplorerFilter } from "../domain/explorer/filter.sql";
import { idKeysetPage, RowPage } from "../platform/graphql/keyset-page";
import { LaureateProjectRow } from "./laureate-project.entity";

/** The filter of a side's national list of laureates (HealthProjectFilter, SocialProjectFilter). */
export interface LaureateFilterValues extends ExplorerFilterValues {
  year?: number | null;
  axis?: Axis | null;
  status?: GrantStatus | null;
  statuses?: readonly GrantStatus[] | null;
}

/**
 * One page of a side's laureates under a filter. No `source` filter: a side's laureates carry no
 * fund of their own, every one is paid from its side's single source (FIR for the ARS, P304_17 for
 * the DREETS: CallSide.source), so such a filter could only keep the whole list or none of it.
 */
export async function laureatePage(
  ds: DataSource,
  filter: LaureateFilterValues | null | undefined,
  first: number,
  after?: string | null,
): Promise<RowPage<LaureateProjectRow>> {
  const v = new Violations();
  const checked = checkExplorerFilter(filter, v);
  const statuses = checkNonEmpty(v, graphqlFilterField("statuses"), filter?.statuses, "États");
  v.throwIfAny();
  const filtered = () => {
    const qb = ds.getRepository(LaureateProjectRow).createQueryBuilder("p");
    if (filter?.year != null) qb.andWhere("p.year = :year", { year: filter.year });
    if (filter?.status) qb.andWhere("p.status = :status", { status: filter.status });
    if (statuses) qb.andWhere("p.status IN (:...statuses)", { statuses });
    if (filter?.axis) qb.andWhere(axisCondition("p.axes", "axis"), { axis: axisPattern(filter.axis) });
    if (filter?.region) qb.andWhere("p.call_id IN (SELECT c.id FROM call c WHERE c.region_code = :region)", { region: filter.region });
    if (filter?.department)
      qb.andWhere("p.id IN (SELECT d.project_id FROM laureate_project_department d WHERE d.department_code = :department)", {
        department: filter.department,
      });
    return applyExplorerFilter(qb, checked, { amountCents: "p.amount_cents", axes: "p.axes", texts: ["p.title", "p.structure_name"] });
  };
  return idKeysetPage(filtered, "p", first, after);
}
