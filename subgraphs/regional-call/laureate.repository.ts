import { DataSource, EntityManager } from "typeorm";
import { Axis, COUNTED_STATUSES, GrantStatus } from "../domain/enums";
import { Cents, sumCents } from "../domain/money";
import { axisCondition, axisPattern } from "../platform/db/columns";
import { Violations } from "../domain/rules/violations";
import { checkExplorerFilter, checkNonEmpty, ExplorerFilterValues, graphqlFilterField } from "../domain/explorer/filter.rules";
import { applyExplorerFilter } from "../domain/explorer/filter.sql";
import { idKeysetPage, RowPage } from "../platform/graphql/keyset-page";
import { chunks } from "../platform/import/chunks";
import { CallRow } from "./call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "./laureate-project.entity";

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

/** Reads a laureate and, on PostgreSQL, locks it like its call: an evaluation, a renewal and a withdrawal of one project do not interleave. */
export const lockLaureateForWrite = (ds: DataSource, m: EntityManager, id: number) =>
  ds.options.type === "postgres"
    ? m.getRepository(LaureateProjectRow).createQueryBuilder("p").setLock("pessimistic_write").where("p.id = :id", { id }).getOne()
    : m.getRepository(LaureateProjectRow).findOneBy({ id });

/** What a call has awarded so far (withdrawn projects no longer count). */
export async function awardedCents(m: EntityManager, call: Pick<CallRow, "id" | "year">): Promise<Cents> {
  const projects = await m.getRepository(LaureateProjectRow).findBy({ callId: call.id, year: call.year });
  return sumCents(projects.filter((p) => COUNTED_STATUSES.includes(p.status)).map((p) => p.amountCents));
}

/** A laureate of the same call, structure, title and year: a second one would be the same project. */
export const findSameLaureate = (m: EntityManager, where: Pick<LaureateProjectRow, "callId" | "siret" | "title" | "year">) =>
  m.getRepository(LaureateProjectRow).findOneBy(where);

/** The laureates of a call's year, by structure and title (the import refuses those already recorded). */
export const laureateKeysOfCall = (m: EntityManager, call: Pick<CallRow, "id" | "year">) =>
  m.getRepository(LaureateProjectRow).find({ select: { id: true, siret: true, title: true }, where: { callId: call.id, year: call.year } });

/** The renewal of a project for a year, if there is one. */
export const findRenewal = (m: EntityManager, renewedFromId: number, year: number) =>
  m.getRepository(LaureateProjectRow).findOneBy({ renewedFromId, year });

export const departmentsOfLaureate = async (m: EntityManager, projectId: number): Promise<string[]> =>
  (await m.getRepository(LaureateProjectDepartmentRow).findBy({ projectId })).map((d) => d.departmentCode);

/** What a write gives a laureate (its identifier, demo flag and creation date are the database's). */
export type LaureateFields = Omit<LaureateProjectRow, "id" | "evaluationFavourable" | "demo" | "createdAt">;

/** Writes a laureate and the departments where it takes place. */
export async function insertLaureate(
  m: EntityManager,
  fields: LaureateFields,
  departments: readonly string[],
): Promise<LaureateProjectRow> {
  const project = await m.save(m.create(LaureateProjectRow, fields));
  await m.insert(
    LaureateProjectDepartmentRow,
    departments.map((departmentCode) => ({ projectId: project.id, departmentCode })),
  );
  return project;
}

/** Saves a laureate whose status or evaluation changed. */
export const saveLaureate = (m: EntityManager, row: LaureateProjectRow) => m.save(row);

/** Many laureates (an import): one INSERT per laureate (its identifier is needed for its departments), departments in chunks. */
export async function insertLaureates(
  m: EntityManager,
  laureates: readonly (LaureateFields & { departments: readonly string[] })[],
): Promise<void> {
  const departments: { projectId: number; departmentCode: string }[] = [];
  for (const { departments: codes, ...fields } of laureates) {
    const result = await m.insert(LaureateProjectRow, fields);
    const projectId = Number(result.identifiers[0].id);
    departments.push(...codes.map((departmentCode) => ({ projectId, departmentCode })));
  }
  for (const chunk of chunks(departments))
    await m.createQueryBuilder().insert().into(LaureateProjectDepartmentRow).values(chunk).updateEntity(false).execute();
}
