import { DataSource } from "typeorm";
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { eurosToCents } from "../../subgraphs/domain/money";
import { withLuhnCheckDigit } from "../../subgraphs/domain/siret";
import { StructureRow } from "../../subgraphs/domain/structure.entity";
import { recordStructureNames } from "../../subgraphs/hub/directory/record";
import { CallRow } from "../../subgraphs/regional-call/call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "../../subgraphs/regional-call/laureate-project.entity";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import {
  MaisonAssessmentRow,
  MaisonBudgetLineRow,
  MaisonCarrierRow,
  MaisonDecision,
  MaisonPhase,
  MaisonProjectRow,
} from "../../subgraphs/maisons/maison.entities";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { DepartmentalCreditRow, DepartmentalProgramme } from "../../subgraphs/departements/departmental-credit.entity";

/** Test data builders writing straight into a subgraph's database (fixtures, not demo data). */
export const testSiret = (n: number) => withLuhnCheckDigit(String(100000000000 + n).padStart(13, "9"));

const ds = (subgraphs: Record<string, SubgraphServer>, name: string): DataSource => subgraphs[name].database.dataSource;

export async function structure(subgraphs: Record<string, SubgraphServer>, subgraph: string, siret: string, name: string) {
  await ds(subgraphs, subgraph).getRepository(StructureRow).upsert({ siret, name }, ["siret"]);
  // what the funder's write would have told the hub's structure directory (first name kept)
  if ("hub" in subgraphs) await ds(subgraphs, "hub").transaction((m) => recordStructureNames(m, [{ siret, name }], subgraph));
}

export async function call(
  subgraphs: Record<string, SubgraphServer>,
  subgraph: "ars" | "dreets",
  c: { regionCode: string; year: number; joint?: boolean; envelope?: number; axes?: Axis[]; title?: string },
) {
  const saved = await ds(subgraphs, subgraph)
    .getRepository(CallRow)
    .save({
      regionCode: c.regionCode,
      year: c.year,
      joint: c.joint ?? false,
      envelopeCents: eurosToCents(c.envelope ?? 100_000),
      axes: c.axes ?? [Axis.SCREENING_CONTINUITY, Axis.HEALTH_PROMOTION],
      title: c.title ?? `Appel de test ${c.regionCode} ${c.year}`,
      deadline: null,
      resultsDue: null,
    });
  return saved.id;
}

export async function laureate(
  subgraphs: Record<string, SubgraphServer>,
  subgraph: "ars" | "dreets",
  callId: number,
  l: {
    siret: string;
    amount: number;
    year?: number;
    departments: string[];
    status?: GrantStatus;
    projectRef?: string;
    title?: string;
    axes?: Axis[];
    renewedFromId?: number;
  },
) {
  const source = ds(subgraphs, subgraph);
  const callRow = await source.getRepository(CallRow).findOneByOrFail({ id: callId });
  await structure(subgraphs, subgraph, l.siret, `Structure ${l.siret}`);
  const saved = await source.getRepository(LaureateProjectRow).save({
    callId,
    year: l.year ?? callRow.year,
    title: l.title ?? `Projet ${l.siret}`,
    siret: l.siret,
    structureName: `Structure ${l.siret}`,
    axes: l.axes ?? [Axis.SCREENING_CONTINUITY],
    amountCents: eurosToCents(l.amount),
    status: l.status ?? GrantStatus.AWARDED,
    description: null,
    projectRef: l.projectRef ?? null,
    renewedFromId: l.renewedFromId ?? null,
    evaluationSummary: null,
  });
  await source
    .getRepository(LaureateProjectDepartmentRow)
    .insert(l.departments.map((departmentCode) => ({ projectId: saved.id, departmentCode })));
  return saved.id;
}

export async function grant(
  subgraphs: Record<string, SubgraphServer>,
  g: { departmentCode: string; year: number; fund: FundingSource; siret: string; amount: number; projectRef?: string; axes?: Axis[] },
) {
  await structure(subgraphs, "caf", g.siret, `Structure ${g.siret}`);
  const saved = await ds(subgraphs, "caf")
    .getRepository(ParentalityGrantRow)
    .save({
      departmentCode: g.departmentCode,
      year: g.year,
      fund: g.fund,
      siret: g.siret,
      title: `Subvention ${g.siret}`,
      amountCents: eurosToCents(g.amount),
      axes: g.axes ?? [],
      projectRef: g.projectRef ?? null,
    });
  return saved.id;
}

export async function maison(
  subgraphs: Record<string, SubgraphServer>,
  m: {
    territoryCode: string;
    carriers: string[];
    decision: MaisonDecision;
    criteria: Record<string, boolean>;
    budget: { year: number; source: FundingSource; amount: number }[];
    projectRef?: string;
  },
) {
  const source = ds(subgraphs, "maisons");
  for (const siret of m.carriers) await structure(subgraphs, "maisons", siret, `Structure ${siret}`);
  const saved = await source.getRepository(MaisonProjectRow).save({
    territoryCode: m.territoryCode,
    title: `Maison de test ${m.territoryCode}`,
    objectives: "o",
    actions: "a",
    governance: "g",
    resources: "r",
    phasing: "p",
    evaluation: "e",
    decision: m.decision,
    phase: MaisonPhase.SUBMITTED,
    projectRef: m.projectRef ?? null,
  });
  await source.getRepository(MaisonCarrierRow).insert(m.carriers.map((siret, position) => ({ projectId: saved.id, siret, position })));
  const assessed = Object.entries(m.criteria).map(([criterionCode, met]) => ({ projectId: saved.id, criterionCode, met }));
  if (assessed.length) await source.getRepository(MaisonAssessmentRow).insert(assessed);
  await source
    .getRepository(MaisonBudgetLineRow)
    .insert(m.budget.map((b) => ({ projectId: saved.id, year: b.year, source: b.source, amountCents: eurosToCents(b.amount) })));
  return saved.id;
}

export async function credit(
  subgraphs: Record<string, SubgraphServer>,
  c: {
    departmentCode: string;
    year: number;
    siret: string;
    amountCents: number;
    projectRef?: string;
    programme?: DepartmentalProgramme;
    axes?: Axis[];
  },
) {
  await structure(subgraphs, "departements", c.siret, `Structure ${c.siret}`);
  const saved = await ds(subgraphs, "departements")
    .getRepository(DepartmentalCreditRow)
    .save({
      departmentCode: c.departmentCode,
      year: c.year,
      programme: c.programme ?? DepartmentalProgramme.OTHER,
      siret: c.siret,
      title: `Crédit ${c.siret}`,
      amountCents: c.amountCents,
      axes: c.axes ?? [],
      projectRef: c.projectRef ?? null,
    });
  return saved.id;
}
