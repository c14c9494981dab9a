/**
 * The national-scale dataset of the benchmark: 18 regions and 101 departments (reference data of
 * the migrations), 20 000 laureate projects (half health, half social, two call years in every
 * region), 100 000 CAF grants, 30 000 structures, and Maisons in every overseas territory. Bulk
 * inserts with the subgraphs' own entities into fresh SQLite files; deterministic (seeded).
 */
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { Axis, AXES_IN_ORDER, FundingSource, GrantStatus } from "../subgraphs/domain/enums";
import { withLuhnCheckDigit } from "../subgraphs/domain/siret";
import { DEPARTMENTS, departmentsOf, OVERSEAS_REGIONS, REGIONS } from "../subgraphs/domain/reference/cog";
import { LABELLING_CRITERIA } from "../subgraphs/domain/reference/labelling-criteria";
import { SeededRandom } from "../fixtures/demo/random";
import { StructureRow } from "../subgraphs/domain/structure.entity";
import { recordStructureNames } from "../subgraphs/hub/directory/record";
import { CallRow } from "../subgraphs/regional-call/call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "../subgraphs/regional-call/laureate-project.entity";
import { ParentalityGrantRow } from "../subgraphs/caf/parentality-grant.entity";
import {
  MaisonAssessmentRow,
  MaisonBudgetLineRow,
  MaisonCarrierRow,
  MaisonDecision,
  MaisonPhase,
  MaisonProjectRow,
} from "../subgraphs/maisons/maison.entities";

export interface DatasetSize {
  structures: number;
  laureates: number;
  grants: number;
  maisonsPerTerritory: number;
}
export const NATIONAL_SCALE: DatasetSize = { structures: 30_000, laureates: 20_000, grants: 100_000, maisonsPerTerritory: 4 };

export const scaled = (size: DatasetSize, factor: number): DatasetSize => ({
  structures: Math.round(size.structures * factor),
  laureates: Math.round(size.laureates * factor),
  grants: Math.round(size.grants * factor),
  maisonsPerTerritory: size.maisonsPerTerritory,
});

/** What the load uses as variables: the busiest keys, so that every operation does real work. */
export interface DatasetSamples {
  regions: string[];
  /** Structures funded by the ARS, the DREETS and the CAF at once. */
  cofundedSirets: string[];
  /** Dossiers with health, social and CAF lines. */
  cofinancedRefs: string[];
  counts: { structures: number; healthProjects: number; socialProjects: number; grants: number; maisons: number };
  /** Thousands of structures (with their department) and dossiers, for the working day (bench/working-day.ts). */
  spread: { structures: { siret: string; department: string }[]; refs: string[] };
}

const CHUNK = 500;
const CALL_YEARS = [2021, 2022];
const GRANT_YEARS = [2021, 2022, 2023, 2024];
const CAF_FUNDS = [FundingSource.CAF_FNP, FundingSource.CAF_REAAP, FundingSource.CAF_LAEP, FundingSource.CAF_FPT, FundingSource.FIPE];
const siretOf = (n: number) => withLuhnCheckDigit(String(1_000_000_000_000 + n));

interface Structure {
  siret: string;
  name: string;
  departmentCode: string;
}
interface Laureate {
  id: number;
  callKey: string;
  year: number;
  title: string;
  siret: string;
  departments: string[];
  axes: Axis[];
  amountCents: number;
  status: GrantStatus;
  projectRef: string | null;
}

async function insertChunks(m: EntityManager, target: EntityTarget<ObjectLiteral>, rows: readonly ObjectLiteral[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await m.insert(target, rows.slice(i, i + CHUNK));
}

/** Inserts each structure a funder refers to, once, with the name every funder records. */
async function insertStructures(m: EntityManager, all: Map<string, Structure>, sirets: Iterable<string>): Promise<void> {
  const unique = [...new Set(sirets)].map((siret) => ({ siret, name: all.get(siret)!.name }));
  await insertChunks(m, StructureRow, unique);
}

export function planDataset(size: DatasetSize, seed = 1000) {
  const rng = new SeededRandom(seed);
  const structures: Structure[] = Array.from({ length: size.structures }, (_, i) => {
    const department = DEPARTMENTS[i % DEPARTMENTS.length];
    return { siret: siretOf(i), name: `Structure ${i} ${department.code} (banc d'essai)`, departmentCode: department.code };
  });
  const byDepartment = new Map<string, Structure[]>();
  for (const s of structures) byDepartment.set(s.departmentCode, [...(byDepartment.get(s.departmentCode) ?? []), s]);
  const structureIn = (departmentCode: string) => rng.pick(byDepartment.get(departmentCode)!);

  // Laureates: the same count on both sides; a third of the social ones are joint with a health one
  // (same structure, same dossier), which is what cross-financing links.
  const perSide = Math.floor(size.laureates / 2);
  const health: Laureate[] = [];
  const social: Laureate[] = [];
  for (let k = 0; k < perSide; k++) {
    const region = REGIONS[k % REGIONS.length];
    const year = CALL_YEARS[Math.floor(k / REGIONS.length) % CALL_YEARS.length];
    const departments = rng.some(
      departmentsOf(region.code).map((d) => d.code),
      1,
      2,
    );
    const structure = structureIn(departments[0]);
    const status = rng.chance(0.08) ? GrantStatus.WITHDRAWN : rng.chance(0.2) ? GrantStatus.EVALUATED : GrantStatus.AWARDED;
    const common = {
      callKey: `${region.code}-${year}`,
      year,
      siret: structure.siret,
      departments,
      axes: rng.some(AXES_IN_ORDER, 1, 2),
      status,
    };
    const joint = k % 3 === 0;
    const projectRef = joint || rng.chance(0.2) ? `BANC-${year}-${String(k).padStart(6, "0")}` : null;
    health.push({ ...common, id: k + 1, title: `Projet santé ${k}`, amountCents: rng.int(15_000, 60_000) * 100, projectRef });
    const twin = joint
      ? { ...common, projectRef }
      : (() => {
          const d = rng.some(
            departmentsOf(region.code).map((x) => x.code),
            1,
            2,
          );
          return { ...common, departments: d, siret: structureIn(d[0]).siret, projectRef: null };
        })();
    social.push({ ...twin, id: k + 1, title: `Projet social ${k}`, amountCents: rng.int(10_000, 50_000) * 100 });
  }

  // CAF grants: every department, four years; one in five co-finances a laureate of its department.
  const laureatesByDepartment = new Map<string, Laureate[]>();
  for (const l of health)
    if (l.projectRef) laureatesByDepartment.set(l.departments[0], [...(laureatesByDepartment.get(l.departments[0]) ?? []), l]);
  const grants = Array.from({ length: size.grants }, (_, i) => {
    const department = DEPARTMENTS[i % DEPARTMENTS.length].code;
    const year = GRANT_YEARS[Math.floor(i / DEPARTMENTS.length) % GRANT_YEARS.length];
    const cofunded = rng.chance(0.2) ? laureatesByDepartment.get(department) : undefined;
    const laureate = cofunded?.length ? rng.pick(cofunded) : null;
    return {
      departmentCode: department,
      year,
      fund: rng.pick(CAF_FUNDS),
      siret: laureate?.siret ?? structureIn(department).siret,
      title: `Subvention ${i}`,
      amountCents: rng.int(2_000, 25_000) * 100,
      axes: laureate ? laureate.axes : rng.some(AXES_IN_ORDER, 0, 2),
      projectRef: laureate?.projectRef ?? null,
    };
  });

  // Maisons: every overseas territory, at least one labelled.
  const decisions = [MaisonDecision.LABELLED, MaisonDecision.PENDING, MaisonDecision.DEFERRED, MaisonDecision.REJECTED];
  const maisons = OVERSEAS_REGIONS.flatMap((territory) =>
    Array.from({ length: size.maisonsPerTerritory }, (_, i) => {
      const department = departmentsOf(territory.code)[0].code;
      const carriers = [...new Set([structureIn(department).siret, structureIn(department).siret])];
      return { territoryCode: territory.code, title: `Maison ${territory.code}-${i}`, carriers, decision: decisions[i % decisions.length] };
    }),
  );

  return { structures, health, social, grants, maisons };
}
type Plan = ReturnType<typeof planDataset>;

async function loadRegionalCalls(ds: DataSource, laureates: Laureate[], all: Map<string, Structure>, side: string): Promise<void> {
  await ds.transaction(async (m) => {
    await insertStructures(
      m,
      all,
      laureates.map((l) => l.siret),
    );
    const calls = [...new Set(laureates.map((l) => l.callKey))].map((key, i) => {
      const [regionCode, year] = key.split("-");
      return {
        id: i + 1,
        key,
        regionCode,
        year: Number(year),
        title: `Appel ${side} ${key}`,
        axes: AXES_IN_ORDER.slice(0, 4),
        joint: true,
        envelopeCents: 100_000_00,
        deadline: null,
        resultsDue: null,
      };
    });
    const callId = new Map(calls.map((c) => [c.key, c.id]));
    await insertChunks(
      m,
      CallRow,
      calls.map(({ key: _key, ...c }) => c),
    );
    await insertChunks(
      m,
      LaureateProjectRow,
      laureates.map((l) => ({
        id: l.id,
        callId: callId.get(l.callKey)!,
        year: l.year,
        title: l.title,
        siret: l.siret,
        axes: l.axes,
        amountCents: l.amountCents,
        status: l.status,
        description: null,
        projectRef: l.projectRef,
        renewedFromId: null,
        evaluationSummary: null,
      })),
    );
    await insertChunks(
      m,
      LaureateProjectDepartmentRow,
      laureates.flatMap((l) => l.departments.map((departmentCode) => ({ projectId: l.id, departmentCode }))),
    );
  });
  const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM laureate_project WHERE id = (SELECT MAX(id) FROM laureate_project)");
  if (Number(n) !== 1) throw new Error("identifiants de projets inattendus");
}

async function loadCaf(ds: DataSource, plan: Plan, all: Map<string, Structure>): Promise<void> {
  await ds.transaction(async (m) => {
    await insertStructures(
      m,
      all,
      plan.grants.map((g) => g.siret),
    );
    await insertChunks(m, ParentalityGrantRow, plan.grants);
  });
}

async function loadMaisons(ds: DataSource, plan: Plan, all: Map<string, Structure>): Promise<void> {
  await ds.transaction(async (m) => {
    await insertStructures(
      m,
      all,
      plan.maisons.flatMap((x) => x.carriers),
    );
    for (const maison of plan.maisons) {
      const saved = await m.save(
        m.create(MaisonProjectRow, {
          territoryCode: maison.territoryCode,
          title: maison.title,
          objectives: "Prévention et soutien à la parentalité en un lieu.",
          actions: "Consultations, ateliers, bus itinérant.",
          governance: "ARS, DEETS, CAF, conseil départemental.",
          resources: "Équipe pluridisciplinaire.",
          phasing: "Diagnostic partagé puis déploiement.",
          evaluation: "Comité de suivi.",
          decision: maison.decision,
          phase: MaisonPhase.SUBMITTED,
          projectRef: null,
        }),
      );
      await m.insert(
        MaisonCarrierRow,
        maison.carriers.map((siret, position) => ({ projectId: saved.id, siret, position })),
      );
      await m.insert(
        MaisonAssessmentRow,
        LABELLING_CRITERIA.map((c, i) => ({ projectId: saved.id, criterionCode: c.code, met: i % 4 !== 3 })),
      );
      await m.insert(
        MaisonBudgetLineRow,
        [2024, 2025].flatMap((year) =>
          [FundingSource.FIR, FundingSource.DEPARTMENT, FundingSource.CAF_FNP].map((source, i) => ({
            projectId: saved.id,
            year,
            source,
            amountCents: (100_000 + 25_000 * i) * 100,
          })),
        ),
      );
    }
  });
}

/** Fills the databases (already migrated) of the five subgraphs; returns the load's variables. */
export async function loadDataset(databases: Record<string, DataSource>, plan: Plan): Promise<DatasetSamples> {
  const all = new Map(plan.structures.map((s) => [s.siret, s]));
  await loadRegionalCalls(databases.ars, plan.health, all, "santé");
  await loadRegionalCalls(databases.dreets, plan.social, all, "social");
  await loadCaf(databases.caf, plan, all);
  await loadMaisons(databases.maisons, plan, all);
  // the names the funders' writes would have given the hub's structure directory
  await databases.hub.transaction((m) => recordStructureNames(m, plan.structures, "bench"));

  const cafSirets = new Set(plan.grants.map((g) => g.siret));
  const socialSirets = new Set(plan.social.map((l) => l.siret));
  const cafRefs = new Set(plan.grants.map((g) => g.projectRef).filter(Boolean));
  const socialRefs = new Set(plan.social.map((l) => l.projectRef).filter(Boolean));
  const cofundedSirets = [...new Set(plan.health.map((l) => l.siret).filter((s) => socialSirets.has(s) && cafSirets.has(s)))];
  const cofinancedRefs = plan.health.map((l) => l.projectRef).filter((r): r is string => !!r && socialRefs.has(r) && cafRefs.has(r));
  return {
    regions: REGIONS.map((r) => r.code),
    cofundedSirets: cofundedSirets.slice(0, 50),
    cofinancedRefs: cofinancedRefs.slice(0, 50),
    spread: {
      structures: plan.structures.slice(0, 3_000).map((s) => ({ siret: s.siret, department: s.departmentCode })),
      refs: [...new Set(plan.health.map((l) => l.projectRef).filter((r): r is string => !!r))].slice(0, 2_000),
    },
    counts: {
      structures: plan.structures.length,
      healthProjects: plan.health.length,
      socialProjects: plan.social.length,
      grants: plan.grants.length,
      maisons: plan.maisons.length,
    },
  };
}
