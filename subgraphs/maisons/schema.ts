import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { FundingSource } from "../domain/enums";
import { centsToEuros, sumCents } from "../domain/money";
import { OVERSEAS_REGIONS } from "../domain/reference/cog";
import { FundingContribution } from "../domain/federation/funding.types";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver, createEntityStubs } from "../domain/federation/entity-stubs";
import { LabellingCriterionRow, MaisonDecision, MaisonPhase, MaisonProjectRow } from "./maison.entities";
import { MaisonsLoaders } from "./loaders";
import { CriterionInput, MaisonProjectInput, maisonWrites } from "./writes";
import { createAuditResolver } from "../platform/audit/audit";
import { rowId } from "../domain/rules/formats";

export interface MaisonsContext {
  actor: Actor | null;
  loaders: MaisonsLoaders;
  dataSource: DataSource;
}
const SUBGRAPH = "maisons";

registerEnumType(MaisonDecision, {
  name: "MaisonDecision",
  description: "Décision du comité national de labellisation.",
  valuesConfig: {
    PENDING: { description: "En attente de décision." },
    LABELLED: { description: "Labellisée « Maison des 1000 premiers jours »." },
    DEFERRED: { description: "Décision ajournée." },
    REJECTED: { description: "Non retenue." },
  },
});
registerEnumType(MaisonPhase, {
  name: "MaisonPhase",
  description: "Avancement du projet de Maison.",
  valuesConfig: {
    SUBMITTED: { description: "Projet soumis au comité national." },
    DIAGNOSIS: { description: "Phase 1 : diagnostic partagé." },
    OPERATIONAL: { description: "Phase 2 : objectifs opérationnels et modalités d'intervention." },
  },
});

const { Region, Department, Structure, Project, all: entityStubs } = createEntityStubs();
type Region = InstanceType<typeof Region>;
type Department = InstanceType<typeof Department>;
type Structure = InstanceType<typeof Structure>;
type Project = InstanceType<typeof Project>;

@ObjectType({ description: "Un critère de la grille d'analyse pour la labellisation (annexe 2 de l'instruction du 25 octobre 2024)." })
class LabellingCriterion {
  @Field(() => ID, { description: "Code du critère (à utiliser dans CriterionInput)." }) code: string;
  @Field(() => Int, { description: "Rang du critère dans la grille (1 à 10)." }) position: number;
  @Field({ description: "Partie de la grille (adéquation au cadrage, plus-value pour les usagers)." }) group: string;
  @Field({ description: "Rubrique (objectifs, gouvernance, faisabilité…)." }) heading: string;
  @Field({ description: "Libellé du critère." }) label: string;
}

@ObjectType({ description: "Un critère de la grille et son évaluation pour un projet." })
class CriterionAssessment {
  @Field(() => ID, { description: "Code du critère." }) code: string;
  @Field({ description: "Libellé du critère." }) label: string;
  @Field(() => Boolean, { nullable: true, description: "Oui / non ; nul tant que le critère n'est pas évalué." }) met: boolean | null;
}

@ObjectType({ description: "Évaluation d'un projet selon la grille de l'annexe 2." })
class Assessment {
  @Field(() => Int, { description: "Nombre de critères remplis (« oui »)." }) met: number;
  @Field(() => Int, { description: "Nombre de critères évalués." }) assessed: number;
  @Field(() => Int, { description: "Nombre de critères de la grille (10)." }) total: number;
  @Field({ description: "Vrai quand les 10 critères sont évalués (condition de la labellisation)." }) complete: boolean;
  @Field(() => [CriterionAssessment], { description: "Les 10 critères, dans l'ordre de la grille." }) criteria: CriterionAssessment[];
}

@ObjectType({ description: "Ligne du budget prévisionnel (2024 ou 2025) d'un projet de Maison." })
class BudgetLine {
  @Field(() => Int, { description: "Année (2024 ou 2025)." }) year: number;
  @Field(() => FundingSource, { description: "Source de financement." }) source: FundingSource;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: "Projet de « Maison des 1000 premiers jours » (outre-mer, 2024-2025) : fiche projet de l'annexe 1, évaluation et décision.",
})
class MaisonProject {
  @Field(() => ID, { description: "Identifiant du projet." }) id: string;
  @Field({ description: "Intitulé du projet." }) title: string;
  @Field(() => MaisonDecision, { description: "Décision du comité national." }) decision: MaisonDecision;
  @Field(() => MaisonPhase, { description: "Avancement." }) phase: MaisonPhase;
  @Field({ description: "Objectifs généraux et spécifiques." }) objectives: string;
  @Field({ description: "Actions prévues." }) actions: string;
  @Field({ description: "Gouvernance (pilotage et partenariats)." }) governance: string;
  @Field({ description: "Moyens (humains, matériels, financiers)." }) resources: string;
  @Field({ description: "Phasage et calendrier." }) phasing: string;
  @Field({ description: "Modalités de suivi et d'évaluation." }) evaluation: string;
  row: MaisonProjectRow;
}

@ObjectType({ description: "Un territoire d'outre-mer et ses projets de Maison." })
class MaisonTerritory {
  @Field(() => Region, { description: "La région d'outre-mer." }) region: Region;
}

const toMaison = (row: MaisonProjectRow): MaisonProject => ({
  id: String(row.id),
  title: row.title,
  decision: row.decision,
  phase: row.phase,
  objectives: row.objectives,
  actions: row.actions,
  governance: row.governance,
  resources: row.resources,
  phasing: row.phasing,
  evaluation: row.evaluation,
  row,
});

@Resolver(() => MaisonProject)
class MaisonResolver {
  @FieldResolver(() => Region, { description: "Territoire (région d'outre-mer)." })
  territory(@Root() maison: MaisonProject): Region {
    return { code: maison.row.territoryCode };
  }

  @FieldResolver(() => [Structure], { description: "Porteurs du projet, le porteur principal en premier." })
  async carriers(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<Structure[]> {
    return (await ctx.loaders.carriers.load(maison.row.id)).map((c) => ({ siret: c.siret }));
  }

  @FieldResolver(() => Assessment, { description: "Évaluation selon la grille de l'annexe 2." })
  async assessment(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<Assessment> {
    const [rows, grid] = await Promise.all([ctx.loaders.assessments.load(maison.row.id), labellingGrid(ctx)]);
    const met = new Map(rows.map((r) => [r.criterionCode, r.met]));
    const criteria = grid.map((c) => ({ code: c.code, label: c.label, met: met.has(c.code) ? (met.get(c.code) as boolean) : null }));
    return {
      met: criteria.filter((c) => c.met === true).length,
      assessed: rows.length,
      total: grid.length,
      complete: rows.length === grid.length,
      criteria,
    };
  }

  @FieldResolver(() => [BudgetLine], { description: "Budget prévisionnel 2024-2025, toutes sources." })
  async budget(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<BudgetLine[]> {
    return (await ctx.loaders.budget.load(maison.row.id)).map((b) => ({
      year: b.year,
      source: b.source,
      amount: centsToEuros(b.amountCents),
    }));
  }

  @FieldResolver(() => Float, { description: "Total du budget prévisionnel en euros." })
  async budgetTotal(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<number> {
    return centsToEuros(sumCents((await ctx.loaders.budget.load(maison.row.id)).map((b) => b.amountCents)));
  }

  @FieldResolver(() => Project, { nullable: true, description: "Dossier cofinancé, s'il est référencé." })
  project(@Root() maison: MaisonProject): Project | null {
    return maison.row.projectRef ? { ref: maison.row.projectRef } : null;
  }
}

/** The grid is reference data: read once per request, shared by every project of the request. */
function labellingGrid(ctx: MaisonsContext & { grid?: Promise<LabellingCriterionRow[]> }): Promise<LabellingCriterionRow[]> {
  ctx.grid ??= ctx.dataSource.getRepository(LabellingCriterionRow).find({ order: { position: "ASC" } });
  return ctx.grid;
}

/** All Maison projects of the request's territories, loaded in one query. */
function projectsOfTerritories(ctx: MaisonsContext & { maisons?: Promise<MaisonProjectRow[]> }): Promise<MaisonProjectRow[]> {
  ctx.maisons ??= ctx.dataSource.getRepository(MaisonProjectRow).find({ order: { territoryCode: "ASC", id: "ASC" } });
  return ctx.maisons;
}

@Resolver(() => MaisonTerritory)
class TerritoryResolver {
  @FieldResolver(() => [MaisonProject], { description: "Projets de Maison du territoire." })
  async projects(@Root() territory: MaisonTerritory, @Ctx() ctx: MaisonsContext): Promise<MaisonProject[]> {
    return (await projectsOfTerritories(ctx)).filter((p) => p.territoryCode === territory.region.code).map(toMaison);
  }

  @FieldResolver(() => Boolean, {
    description: "Vrai si au moins un projet du territoire est labellisé (résultat attendu : au moins un par territoire).",
  })
  async hasLabelledProject(@Root() territory: MaisonTerritory, @Ctx() ctx: MaisonsContext): Promise<boolean> {
    return (await projectsOfTerritories(ctx)).some(
      (p) => p.territoryCode === territory.region.code && p.decision === MaisonDecision.LABELLED,
    );
  }
}

@Resolver(() => Region)
class RegionResolver {
  @contributionResolver(SUBGRAPH)
  contribution(@Root() region: Region, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Region", region.code);
  }
}

@Resolver(() => Department)
class DepartmentResolver {
  @contributionResolver(SUBGRAPH)
  contribution(@Root() department: Department, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Department", department.code);
  }
}

@Resolver(() => Structure)
class StructureResolver {
  @FieldResolver(() => [MaisonProject], { nullable: true, description: "Projets de Maison que la structure porte ou coporte." })
  async maisonProjects(@Root() structure: Structure, @Ctx() ctx: MaisonsContext): Promise<MaisonProject[]> {
    const ids = await ctx.loaders.projectIdsByCarrier.load(structure.siret);
    const rows = await ctx.loaders.projectById.loadMany(ids);
    return rows.filter((r): r is MaisonProjectRow => r instanceof MaisonProjectRow).map(toMaison);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() structure: Structure, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Structure", structure.siret);
  }
}

@Resolver(() => Project)
class ProjectResolver {
  @FieldResolver(() => [MaisonProject], { nullable: true, description: "Projets de Maison du dossier." })
  async maisonProjects(@Root() project: Project, @Ctx() ctx: MaisonsContext): Promise<MaisonProject[]> {
    return (await ctx.loaders.projectsByRef.load(project.ref)).map(toMaison);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() project: Project, @Ctx() ctx: MaisonsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Project", project.ref);
  }
}

@Resolver()
class MaisonQueries {
  @Query(() => [MaisonTerritory], {
    description: "Le tableau de labellisation : les cinq territoires d'outre-mer et leurs projets de Maison.",
  })
  maisonTerritories(): MaisonTerritory[] {
    return OVERSEAS_REGIONS.map((r) => ({ region: { code: r.code } }));
  }

  @Query(() => MaisonProject, { nullable: true, description: "Un projet de Maison par son identifiant." })
  async maisonProject(
    @Arg("id", () => ID, { description: "Identifiant." }) id: string,
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject | null> {
    const key = rowId(id);
    const row = key === null ? undefined : await ctx.loaders.projectById.load(key);
    return row ? toMaison(row) : null;
  }

  @Query(() => [LabellingCriterion], { description: "Les 10 critères de la grille de labellisation (annexe 2), avec leurs codes." })
  async labellingCriteria(@Ctx() ctx: MaisonsContext): Promise<LabellingCriterion[]> {
    return labellingGrid(ctx);
  }
}

@Resolver()
class MaisonMutations {
  @Mutation(() => MaisonProject, {
    description:
      "Soumet un projet de Maison au comité national. Par l'ARS (ou la DEETS, ou la CAF) d'un territoire d'outre-mer ; budget 2024-2025.",
  })
  async submitMaisonProject(
    @Arg("input", () => MaisonProjectInput, { description: "La fiche projet et le budget." }) input: MaisonProjectInput,
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject> {
    return toMaison(await maisonWrites(ctx.dataSource).submit(ctx.actor, input));
  }

  @Mutation(() => MaisonProject, { description: "Évalue des critères de la grille (annexe 2). Réservé au niveau national." })
  async assessMaisonProject(
    @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
    @Arg("criteria", () => [CriterionInput], { description: "Critères évalués (oui / non)." }) criteria: CriterionInput[],
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject> {
    return toMaison(await maisonWrites(ctx.dataSource).assess(ctx.actor, id, criteria));
  }

  @Mutation(() => MaisonProject, {
    description: "Décision du comité national ; la labellisation exige les 10 critères évalués. Réservé au niveau national.",
  })
  async decideMaisonProject(
    @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
    @Arg("decision", () => MaisonDecision, { description: "Décision." }) decision: MaisonDecision,
    @Ctx() ctx: MaisonsContext,
  ): Promise<MaisonProject> {
    return toMaison(await maisonWrites(ctx.dataSource).decide(ctx.actor, id, decision));
  }
}

const MaisonsAuditQueries = createAuditResolver("maisonsAuditTrail", "Maisons des 1000 premiers jours");

/** Entities this subgraph extends without returning them: listed so the schema keeps them. */
export const maisonsEntityStubs = entityStubs;

export const maisonsResolvers = [
  MaisonResolver,
  TerritoryResolver,
  RegionResolver,
  DepartmentResolver,
  StructureResolver,
  ProjectResolver,
  MaisonQueries,
  MaisonMutations,
  MaisonsAuditQueries,
] as const;

export const maisonsReferenceResolvers = {
  MaisonProject: {
    async __resolveReference(ref: { id: string }, ctx: MaisonsContext) {
      const key = rowId(ref.id);
      const row = key === null ? undefined : await ctx.loaders.projectById.load(key);
      return row ? toMaison(row) : null;
    },
  },
};
