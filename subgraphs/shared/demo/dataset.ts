/**
 * The fictitious demo set: realistic in shape, invented in content. Every structure name ends with
 * "(fictif)", every row is stored with demo = true, and nothing here comes from a real partner.
 * Generated deterministically from a seed, so every subgraph loads a consistent slice of one set
 * (the same SIRETs and dossier references across funders: that is what cross-financing links).
 */
import { Axis, AXES_IN_ORDER, FundingSource, GrantStatus, axisFromNumber } from "../enums";
import { Cents } from "../money";
import { withLuhnCheckDigit, LA_POSTE_SIREN } from "../siret";
import { departmentsOf, findRegion, OVERSEAS_REGIONS } from "../reference/cog";
import { REGIONAL_CALLS_2022 } from "../reference/regional-calls-2022";
import { LABELLING_CRITERIA } from "../reference/labelling-criteria";
import { SeededRandom } from "./random";

export interface DemoStructure {
  siret: string;
  name: string;
  departmentCode: string;
}
export interface DemoLaureate {
  title: string;
  siret: string;
  departments: string[];
  axes: Axis[];
  amountCents: Cents;
  status: GrantStatus;
  description: string;
  projectRef: string | null;
  renewal: { year: number; amountCents: Cents } | null;
}
export interface DemoCall {
  side: "health" | "social";
  regionCode: string;
  year: number;
  title: string;
  axes: Axis[];
  joint: boolean;
  envelopeCents: Cents;
  deadline: string | null;
  resultsDue: string | null;
  laureates: DemoLaureate[];
}
export interface DemoGrant {
  departmentCode: string;
  year: number;
  fund: FundingSource;
  siret: string;
  title: string;
  amountCents: Cents;
  axes: Axis[];
  projectRef: string | null;
}
export interface DemoMaison {
  territoryCode: string;
  title: string;
  carriers: string[];
  objectives: string;
  actions: string;
  governance: string;
  resources: string;
  phasing: string;
  evaluation: string;
  decision: "PENDING" | "LABELLED" | "DEFERRED" | "REJECTED";
  phase: "SUBMITTED" | "DIAGNOSIS" | "OPERATIONAL";
  assessment: Record<string, boolean>;
  budget: { year: number; source: FundingSource; amountCents: Cents }[];
  projectRef: string | null;
}
export interface DemoCredit {
  departmentCode: string;
  year: number;
  programme: "PMI" | "PREVENTION_PROTECTION_CONTRACT" | "MAISON_COFUNDING" | "LAUREATE_COFUNDING";
  siret: string;
  title: string;
  amountCents: Cents;
  axes: Axis[];
  projectRef: string | null;
}
export interface DemoDataset {
  structures: DemoStructure[];
  calls: DemoCall[];
  grants: DemoGrant[];
  maisons: DemoMaison[];
  credits: DemoCredit[];
}

const CALL_REGIONS_2021 = ["52", "53", "75", "84", "11", "32", "44", "76", "04", "01"];
const JOINT_REGIONS = new Set(["52", "32", "44", "04"]);
const KINDS = [
  "Association",
  "Centre social",
  "Espace de vie sociale",
  "Crèche associative",
  "Lieu d'accueil enfants-parents",
  "Réseau de périnatalité",
  "Service de PMI",
  "Centre communal d'action sociale",
];
const NAMES = [
  "Les Premiers Pas",
  "Petites Mains",
  "Le Nid",
  "Berceau et Compagnie",
  "Graines d'éveil",
  "Le Tipi",
  "Les Lucioles",
  "Bulle de parents",
  "Mille Pattes",
  "La Passerelle",
];
const THEMES: Record<Axis, string[]> = {
  [Axis.SCREENING_CONTINUITY]: ["Parcours sans rupture autour de la naissance", "Repérage précoce des fragilités en maternité"],
  [Axis.HEALTH_PROMOTION]: ["Ateliers nutrition et sommeil du tout-petit", "Santé environnementale dans les lieux d'accueil"],
  [Axis.PARENT_ISOLATION]: ["Visites à domicile après la naissance", "Groupes de parole post-partum"],
  [Axis.CULTURAL_AWAKENING]: ["Éveil musical itinérant", "Bébés lecteurs en bibliothèque"],
  [Axis.WORK_LIFE_BALANCE]: ["Accueil à horaires atypiques", "Crèche à vocation d'insertion professionnelle"],
  [Axis.SECOND_PARENT]: ["Ateliers pères et bébés", "Café des co-parents"],
};
const euros = (rng: SeededRandom, min: number, max: number): Cents => rng.int(min * 100, max * 100);

export function buildDemoDataset(seed = 1000): DemoDataset {
  const rng = new SeededRandom(seed);
  const structures: DemoStructure[] = [];
  const structuresByDepartment = new Map<string, DemoStructure[]>();
  let refCounter = 0;
  const nextRef = (year: number) => `DEMO-${year}-${String(++refCounter).padStart(4, "0")}`;

  const addStructure = (departmentCode: string, siret?: string, name?: string): DemoStructure => {
    const structure = {
      siret: siret ?? withLuhnCheckDigit(String(rng.int(1, 9)) + rng.digits(12)),
      name: name ?? `${rng.pick(KINDS)} ${rng.pick(NAMES)} ${departmentCode} (fictif)`,
      departmentCode,
    };
    structures.push(structure);
    structuresByDepartment.set(departmentCode, [...(structuresByDepartment.get(departmentCode) ?? []), structure]);
    return structure;
  };
  const structureIn = (departmentCode: string) => {
    const pool = structuresByDepartment.get(departmentCode) ?? [];
    return pool.length >= 3 && rng.chance(0.5) ? rng.pick(pool) : addStructure(departmentCode);
  };
  // La Poste's SIRETs escape the Luhn rule: one demo structure shows the exception (digit sum 25).
  addStructure("75", `${LA_POSTE_SIREN}00047`, "La Poste, bureau de quartier partenaire (fictif)");

  const calls: DemoCall[] = [];
  const grants: DemoGrant[] = [];
  const laureatesOf = (regionCode: string, year: number, axes: Axis[], count: number, renewable: boolean): DemoLaureate[] =>
    Array.from({ length: count }, () => {
      const departments = rng.some(
        departmentsOf(regionCode).map((d) => d.code),
        1,
        2,
      );
      const projectAxes = rng.some(axes, 1, Math.min(2, axes.length));
      const structure = structureIn(departments[0]);
      const renewed = renewable && rng.chance(0.35);
      return {
        title: `${rng.pick(THEMES[projectAxes[0]])} (${structure.name.replace(" (fictif)", "")})`,
        siret: structure.siret,
        departments,
        axes: projectAxes,
        amountCents: euros(rng, 15_000, 60_000),
        status: renewed ? GrantStatus.EVALUATED : rng.chance(0.08) ? GrantStatus.WITHDRAWN : GrantStatus.AWARDED,
        description: "Projet fictif de démonstration.",
        projectRef: rng.chance(0.5) ? nextRef(year) : null,
        renewal: renewed ? { year: 2023, amountCents: euros(rng, 10_000, 40_000) } : null,
      };
    });

  for (const regionCode of CALL_REGIONS_2021) {
    const joint = JOINT_REGIONS.has(regionCode);
    const name = findRegion(regionCode)?.name ?? regionCode;
    const axes = rng.some(AXES_IN_ORDER, 2, 6);
    const health = laureatesOf(regionCode, 2021, axes, rng.int(3, 6), true);
    const social = joint
      ? health
          .filter(() => rng.chance(0.6))
          .map((l) => ({
            ...l,
            amountCents: euros(rng, 10_000, 50_000),
            status: GrantStatus.AWARDED,
            renewal: null,
            projectRef: l.projectRef ?? nextRef(2021),
          }))
      : laureatesOf(regionCode, 2021, axes, rng.int(3, 5), false);
    // a joint laureate funded by both envelopes shares its dossier reference on both sides
    for (const l of social) {
      const twin = health.find((h) => h.title === l.title);
      if (twin) twin.projectRef = l.projectRef;
    }
    const common = { regionCode, year: 2021, axes, joint, envelopeCents: 100_000_00, deadline: "2021-06-15", resultsDue: "2021-08-31" };
    calls.push({
      ...common,
      side: "health",
      title: `1000 premiers jours en ${name} : initiatives en faveur de la santé du jeune enfant`,
      laureates: health,
    });
    calls.push({
      ...common,
      side: "social",
      title: `1000 premiers jours en ${name} : initiatives en faveur de l'accompagnement des parents`,
      laureates: social,
    });
  }
  // 2022: the regions that ran a call and named their axes (seed 002), with their real deadlines.
  for (const announced of REGIONAL_CALLS_2022.filter((c) => c.launched && c.axisNumbers)) {
    const name = findRegion(announced.regionCode)?.name ?? announced.regionCode;
    const axes = (announced.axisNumbers as number[]).map(axisFromNumber);
    calls.push({
      side: "health",
      regionCode: announced.regionCode,
      year: 2022,
      axes,
      joint: false,
      envelopeCents: 120_000_00,
      deadline: announced.deadline,
      resultsDue: null,
      title: `1000 premiers jours en ${name} : initiatives en faveur de la santé du jeune enfant (2022)`,
      laureates: laureatesOf(announced.regionCode, 2022, axes, rng.int(2, 4), false),
    });
  }

  // CAF grants in the departments of the call regions, often to laureates (co-financing).
  const laureates = calls.flatMap((c) => c.laureates);
  const cafFunds = [FundingSource.CAF_FNP, FundingSource.CAF_REAAP, FundingSource.CAF_LAEP, FundingSource.CAF_FPT];
  for (const regionCode of CALL_REGIONS_2021) {
    for (const department of departmentsOf(regionCode)) {
      for (const year of [2021, 2022, 2023, 2024]) {
        const count = rng.int(0, 2);
        for (let i = 0; i < count; i++) {
          const cofunded = laureates.filter((l) => l.departments[0] === department.code && l.projectRef);
          const laureate = cofunded.length && rng.chance(0.5) ? rng.pick(cofunded) : null;
          const structure = laureate ? structureOf(structures, laureate.siret) : structureIn(department.code);
          const fund = year >= 2023 && rng.chance(0.2) ? FundingSource.FIPE : rng.pick(cafFunds);
          grants.push({
            departmentCode: department.code,
            year,
            fund,
            siret: structure.siret,
            title: laureate
              ? `Cofinancement : ${laureate.title}`
              : `Soutien à la parentalité ${year} (${structure.name.replace(" (fictif)", "")})`,
            amountCents: euros(rng, 2_000, 25_000),
            axes: laureate ? laureate.axes : rng.some(AXES_IN_ORDER, 0, 2),
            projectRef: laureate?.projectRef ?? null,
          });
        }
      }
    }
  }

  const maisons = buildDemoMaisons(rng, structureIn, nextRef);
  const credits = buildDemoCredits(rng, laureates, maisons, structureIn, structures);
  // The hub refuses duplicates (same call, structure and title; same grant): so does the demo set.
  for (const call of calls) call.laureates = uniqueBy(call.laureates, (l) => `${l.siret}|${l.title}`);
  return {
    structures,
    calls,
    maisons,
    grants: uniqueBy(grants, (g) => `${g.departmentCode}|${g.year}|${g.fund}|${g.siret}|${g.title}`),
    credits: uniqueBy(credits, (c) => `${c.departmentCode}|${c.year}|${c.programme}|${c.siret}|${c.title}`),
  };
}

function structureOf(structures: readonly DemoStructure[], siret: string): DemoStructure {
  const structure = structures.find((s) => s.siret === siret);
  if (!structure) throw new Error(`Jeu de démonstration : structure ${siret} absente.`);
  return structure;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}

/**
 * Departmental credits: PMI actions of the call regions' departments, co-funding of some laureates
 * (same dossier reference). Maisons' departmental lines stay in their forecast budgets only, so
 * that cross-financing does not count them twice.
 */
function buildDemoCredits(
  rng: SeededRandom,
  laureates: DemoLaureate[],
  _maisons: DemoMaison[],
  structureIn: (d: string) => DemoStructure,
  structures: DemoStructure[],
): DemoCredit[] {
  const credits: DemoCredit[] = [];
  for (const laureate of laureates.filter((l) => l.projectRef && rng.chance(0.25))) {
    const structure = structureOf(structures, laureate.siret);
    credits.push({
      departmentCode: laureate.departments[0],
      year: 2021,
      programme: "LAUREATE_COFUNDING",
      siret: structure.siret,
      title: `Cofinancement départemental : ${laureate.title}`,
      amountCents: euros(rng, 3_000, 20_000),
      axes: laureate.axes,
      projectRef: laureate.projectRef,
    });
  }
  for (const regionCode of CALL_REGIONS_2021) {
    for (const department of departmentsOf(regionCode).filter(() => rng.chance(0.5))) {
      const structure = structureIn(department.code);
      const programme = rng.chance(0.5) ? "PMI" : "PREVENTION_PROTECTION_CONTRACT";
      credits.push({
        departmentCode: department.code,
        year: rng.pick([2022, 2023, 2024]),
        programme,
        siret: structure.siret,
        title: programme === "PMI" ? "Consultations de PMI délocalisées" : "Visites à domicile prénatales (contractualisation)",
        amountCents: euros(rng, 5_000, 40_000),
        axes: [Axis.SCREENING_CONTINUITY],
        projectRef: null,
      });
    }
  }
  return credits;
}

function buildDemoMaisons(rng: SeededRandom, structureIn: (d: string) => DemoStructure, nextRef: (y: number) => string): DemoMaison[] {
  const stages: Record<string, DemoMaison["decision"][]> = {
    "01": ["LABELLED"],
    "02": ["DEFERRED"],
    "03": ["PENDING"],
    "04": ["LABELLED", "PENDING"],
    "06": ["REJECTED", "LABELLED"],
  };
  const allMet = Object.fromEntries(LABELLING_CRITERIA.map((c) => [c.code, true]));
  return OVERSEAS_REGIONS.flatMap((territory) => {
    const department = departmentsOf(territory.code)[0].code;
    return (stages[territory.code] ?? []).map((decision, i) => {
      const carriers = [...new Set([structureIn(department).siret, ...(rng.chance(0.5) ? [structureIn(department).siret] : [])])];
      const assessment =
        decision === "LABELLED"
          ? allMet
          : decision === "PENDING"
            ? Object.fromEntries(LABELLING_CRITERIA.slice(0, 6).map((c) => [c.code, rng.chance(0.7)]))
            : Object.fromEntries(LABELLING_CRITERIA.map((c) => [c.code, rng.chance(0.5)]));
      const budget = [2024, 2025]
        .flatMap((year) => [
          { year, source: FundingSource.FIR, amountCents: euros(rng, 200_000, 260_000) / (year === 2024 ? 2 : 1) },
          { year, source: FundingSource.DEPARTMENT, amountCents: euros(rng, 30_000, 90_000) },
          { year, source: FundingSource.CAF_FNP, amountCents: euros(rng, 10_000, 40_000) },
        ])
        .map((line) => ({ ...line, amountCents: Math.round(line.amountCents) }));
      return {
        territoryCode: territory.code,
        title: `Maison des 1000 premiers jours ${territory.name}${i ? ` — site ${i + 1}` : ""} (fictif)`,
        carriers,
        objectives: "Prévention en santé, accès aux droits et soutien à la parentalité en un seul lieu ; aller vers les familles isolées.",
        actions: "Consultations de PMI, permanences CAF, groupes de parents, bus itinérant.",
        governance: "Comité de pilotage ARS, DEETS, CAF, conseil départemental ; associations et PMI associées.",
        resources: "Deux sages-femmes, une puéricultrice, un conseiller CAF ; locaux mis à disposition.",
        phasing: "Phase 1 (diagnostic partagé) novembre–décembre 2024 ; phase 2 à partir du deuxième trimestre 2025.",
        evaluation: "Comité de suivi en avril 2025 ; indicateurs de fréquentation et de parcours.",
        decision,
        phase: decision === "LABELLED" ? (territory.code === "01" ? "OPERATIONAL" : "DIAGNOSIS") : "SUBMITTED",
        assessment,
        budget,
        projectRef: i === 0 ? nextRef(2024) : null,
      };
    });
  });
}
