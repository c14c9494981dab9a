import { DataSource, EntityManager } from "typeorm";
import { FundingSource } from "../domain/enums";
import { Cents } from "../domain/money";
import { MaisonProjectInput } from "./inputs";
import {
  LabellingCriterionRow,
  MaisonAssessmentRow,
  MaisonBudgetLineRow,
  MaisonCarrierRow,
  MaisonDecision,
  MaisonPhase,
  MaisonProjectRow,
} from "./maison.entities";

/** The Maisons read whole (per request, through the loaders): the annex-2 grid (reference data) and every project of the five territories. */
export function maisonRepository(ds: DataSource) {
  return {
    labellingGrid: () => ds.getRepository(LabellingCriterionRow).find({ order: { position: "ASC" } }),
    allProjects: () => ds.getRepository(MaisonProjectRow).find({ order: { territoryCode: "ASC", id: "ASC" } }),
  };
}

/** A Maison project by its row id. */
export const findMaison = (m: EntityManager, id: number) => m.getRepository(MaisonProjectRow).findOneBy({ id });

/** A project of the same territory and title: a second one would be the same project. */
export const findSameMaison = (m: EntityManager, territoryCode: string, title: string) =>
  m.getRepository(MaisonProjectRow).findOneBy({ territoryCode, title });

export const carriersOf = (m: EntityManager, projectId: number) => m.getRepository(MaisonCarrierRow).findBy({ projectId });

/** Writes a submitted project: its sheet, its carriers (the lead first) and its forecast budget. */
export async function insertMaison(
  m: EntityManager,
  input: MaisonProjectInput,
  budget: readonly { year: number; source: FundingSource; amountCents: Cents }[],
): Promise<MaisonProjectRow> {
  const maison = await m.save(
    m.create(MaisonProjectRow, {
      territoryCode: input.territory,
      title: input.title.trim(),
      objectives: input.objectives,
      actions: input.actions,
      governance: input.governance,
      resources: input.resources,
      phasing: input.phasing,
      evaluation: input.evaluation,
      decision: MaisonDecision.PENDING,
      phase: MaisonPhase.SUBMITTED,
      projectRef: input.projectRef ?? null,
    }),
  );
  await m.insert(
    MaisonCarrierRow,
    input.carriers.map((c, position) => ({ projectId: maison.id, siret: c.siret, position })),
  );
  await m.insert(
    MaisonBudgetLineRow,
    budget.map((l) => ({ projectId: maison.id, ...l })),
  );
  return maison;
}

/** Replaces the assessment of the given criteria; the project's assessment before, for the audit. */
export async function replaceAssessments(
  m: EntityManager,
  projectId: number,
  criteria: readonly { code: string; met: boolean }[],
): Promise<MaisonAssessmentRow[]> {
  const repo = m.getRepository(MaisonAssessmentRow);
  const before = await repo.findBy({ projectId });
  for (const c of criteria) await repo.delete({ projectId, criterionCode: c.code });
  await repo.insert(criteria.map((c) => ({ projectId, criterionCode: c.code, met: c.met })));
  return before;
}

export const countAssessments = (m: EntityManager, projectId: number) => m.getRepository(MaisonAssessmentRow).countBy({ projectId });

/** Saves a project whose decision or phase changed. */
export const saveMaison = (m: EntityManager, maison: MaisonProjectRow) => m.save(maison);
