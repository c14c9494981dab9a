import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { Axis, GrantStatus, COUNTED_STATUSES, FundingSource } from "../domain/enums";
import { centsToEuros, sumCents } from "../domain/money";
import { minimumAwardCents } from "../domain/reference/instructions";
import { FundingContribution } from "../domain/federation/funding.types";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver, createEntityStubs } from "../domain/federation/entity-stubs";
import { PageInfo, MAX_PAGE_SIZE } from "../platform/graphql/pagination";
import { rowId } from "../domain/rules/formats";
import { addExplorerFilterFields } from "../domain/explorer/filter.input";
import { laureatePage } from "./project-list";
import { CallRow } from "./call.entity";
import { LaureateProjectRow } from "./laureate-project.entity";
import { RegionalCallLoaders } from "./loaders";
import { CallSide } from "./side";
import { AwardProjectInput, OpenCallInput } from "./inputs";
import { regionalCallWrites } from "./writes";
import { createAuditResolver } from "../platform/audit/audit";

export interface RegionalCallContext {
  actor: Actor | null;
  loaders: RegionalCallLoaders;
  dataSource: DataSource;
}

/**
 * The GraphQL schema of one side of the regional calls (HealthCall… for the ARS, SocialCall… for
 * the DREETS). Classes are created per side: type-graphql attaches field resolvers to classes, so
 * the two subgraphs must not share them.
 */
export function createRegionalCallSchema(side: CallSide) {
  const P = side.typePrefix;
  const f = side.fieldPrefix;

  const {
    Region: RegionRef,
    Department: DepartmentRef,
    Structure: StructureRef,
    Project: ProjectRef,
    all: entityStubs,
  } = createEntityStubs();
  type RegionRef = InstanceType<typeof RegionRef>;
  type DepartmentRef = InstanceType<typeof DepartmentRef>;
  type StructureRef = InstanceType<typeof StructureRef>;
  type ProjectRef = InstanceType<typeof ProjectRef>;

  @Directive('@key(fields: "id")')
  @ObjectType(`${P}Call`, { description: `Appel à projets régional 1000 premiers jours, volet ${side.volet}.` })
  class Call {
    @Field(() => ID, { description: "Identifiant de l'appel à projets." }) id: string;
    @Field({ description: "Intitulé de l'appel à projets." }) title: string;
    @Field(() => Int, { description: "Année de l'appel à projets." }) year: number;
    @Field(() => [Axis], { description: "Axes thématiques retenus par l'appel." }) axes: Axis[];
    @Field({ description: "Vrai pour un appel commun ARS-DREETS (une liste de lauréats, deux enveloppes distinctes et non fongibles)." })
    joint: boolean;
    @Field(() => Float, { description: "Enveloppe de ce volet, en euros." }) envelope: number;
    @Field(() => FundingSource, { description: "Fonds de ce volet." }) fund: FundingSource;
    @Field(() => String, { nullable: true, description: "Date limite de dépôt des projets (AAAA-MM-JJ)." }) deadline: string | null;
    @Field(() => String, { nullable: true, description: "Date prévisionnelle des résultats (AAAA-MM-JJ)." }) resultsDue: string | null;
    row: CallRow;
  }

  @Directive('@key(fields: "id")')
  @ObjectType(`${P}Project`, { description: `Projet lauréat d'un appel à projets, volet ${side.volet}, pour une année de financement.` })
  class Laureate {
    @Field(() => ID, { description: "Identifiant du projet lauréat." }) id: string;
    @Field({ description: "Intitulé du projet." }) title: string;
    @Field(() => Float, { description: "Montant attribué pour l'année, en euros." }) amount: number;
    @Field(() => Int, { description: "Année du financement (année de l'appel, ou de la reconduction)." }) year: number;
    @Field(() => [Axis], { description: "Axes thématiques du projet." }) axes: Axis[];
    @Field(() => GrantStatus, { description: "État du projet." }) status: GrantStatus;
    @Field(() => String, { nullable: true, description: "Description du projet." }) description: string | null;
    @Field(() => String, { nullable: true, description: "Synthèse de l'évaluation, si elle est enregistrée." }) evaluationSummary:
      string | null;
    @Field(() => String, {
      nullable: true,
      description:
        "Le nom de la structure porteuse tel que ce financeur l'a enregistré pour ce projet (le nom de référence, le même partout, est structure.name : l'annuaire du hub).",
    })
    recordedStructureName: string | null;
    row: LaureateProjectRow;
  }

  @ObjectType(`${P}ProjectEdge`, { description: "Un projet lauréat dans une page de résultats." })
  class Edge {
    @Field({ description: "Curseur de ce projet." }) cursor: string;
    @Field(() => Laureate, { description: "Le projet lauréat." }) node: Laureate;
  }

  @ObjectType(`${P}ProjectConnection`, { description: "Une page de projets lauréats." })
  class Connection {
    @Field(() => Int, { description: "Nombre total de projets correspondant au filtre." }) totalCount: number;
    @Field(() => PageInfo, { description: "Pagination." }) pageInfo: PageInfo;
    @Field(() => [Edge], { description: "Les projets de la page." }) edges: Edge[];
  }

  @InputType(`${P}ProjectFilter`, { description: "Filtre des projets lauréats : les critères donnés se cumulent (ET)." })
  class Filter {
    @Field(() => Int, { nullable: true, description: "Année du financement." }) year?: number;
    @Field(() => ID, { nullable: true, description: "Code INSEE de la région de l'appel." }) region?: string;
    @Field(() => ID, { nullable: true, description: "Code INSEE d'un département où le projet se déroule." }) department?: string;
    @Field(() => Axis, { nullable: true, description: "Axe thématique." }) axis?: Axis;
    @Field(() => GrantStatus, { nullable: true, description: "État du projet." }) status?: GrantStatus;
    @Field(() => [GrantStatus], { nullable: true, description: "États : les projets dans l'un d'eux (liste non vide)." })
    statuses?: GrantStatus[];
  }
  addExplorerFilterFields(Filter);

  @ArgsType()
  class PageArgs {
    @Field(() => Filter, { nullable: true, description: "Filtre." }) filter?: Filter;
    @Field(() => Int, { defaultValue: 50, description: `Taille de la page (au plus ${MAX_PAGE_SIZE}).` }) first: number;
    @Field(() => String, { nullable: true, description: "Curseur après lequel commencer (endCursor de la page précédente)." })
    after?: string;
  }

  const toCall = (row: CallRow): Call => ({
    id: String(row.id),
    title: row.title,
    year: row.year,
    axes: row.axes,
    joint: row.joint,
    envelope: centsToEuros(row.envelopeCents),
    fund: side.source,
    deadline: row.deadline,
    resultsDue: row.resultsDue,
    row,
  });
  const toLaureate = (row: LaureateProjectRow): Laureate => ({
    id: String(row.id),
    title: row.title,
    amount: centsToEuros(row.amountCents),
    year: row.year,
    axes: row.axes,
    status: row.status,
    description: row.description,
    evaluationSummary: row.evaluationSummary,
    recordedStructureName: row.structureName,
    row,
  });
  /** Loads a row by its API id; an id that is not a row id (malformed, oversized) is unknown. */
  const loadById = async <T>(loader: { load(id: number): Promise<T | undefined> }, id: string): Promise<T | undefined> => {
    const key = rowId(id);
    return key === null ? undefined : loader.load(key);
  };

  @Resolver(() => Call)
  class CallResolver {
    @FieldResolver(() => RegionRef, { description: "Région de l'appel." })
    region(@Root() call: Call): RegionRef {
      return { code: call.row.regionCode };
    }

    @FieldResolver(() => [Laureate], { description: "Projets lauréats retenus par l'appel (hors reconductions)." })
    async projects(@Root() call: Call, @Ctx() ctx: RegionalCallContext): Promise<Laureate[]> {
      return (await ctx.loaders.projectsByCall.load(call.row.id)).map(toLaureate);
    }

    @FieldResolver(() => Float, { description: "Total attribué aux lauréats de l'appel pour ce volet, en euros (projets retirés exclus)." })
    async awarded(@Root() call: Call, @Ctx() ctx: RegionalCallContext): Promise<number> {
      const laureates = await ctx.loaders.projectsByCall.load(call.row.id);
      return centsToEuros(sumCents(laureates.filter((p) => COUNTED_STATUSES.includes(p.status)).map((p) => p.amountCents)));
    }

    @FieldResolver(() => Float, {
      description: "Dotation minimale des lauréats fixée par l'instruction : 100 000 €, 200 000 € pour un appel commun ARS-DREETS.",
    })
    minimumAward(@Root() call: Call): number {
      return centsToEuros(minimumAwardCents(call.joint));
    }

    @FieldResolver(() => Boolean, {
      description:
        "Vrai si le total attribué atteint la dotation minimale. Pour un appel commun, la dotation minimale porte sur les deux volets ensemble : ce champ ne compte que ce volet.",
    })
    async minimumAwardMet(@Root() call: Call, @Ctx() ctx: RegionalCallContext): Promise<boolean> {
      return (await this.awarded(call, ctx)) >= this.minimumAward(call);
    }
  }

  @Resolver(() => Laureate)
  class LaureateResolver {
    @FieldResolver(() => Call, { description: "Appel à projets qui a retenu le projet." })
    async call(@Root() project: Laureate, @Ctx() ctx: RegionalCallContext): Promise<Call> {
      return toCall((await ctx.loaders.callById.load(project.row.callId)) as CallRow);
    }

    @FieldResolver(() => [DepartmentRef], { description: "Départements où le projet se déroule (tous dans la région de l'appel)." })
    async departments(@Root() project: Laureate, @Ctx() ctx: RegionalCallContext): Promise<DepartmentRef[]> {
      return (await ctx.loaders.departmentsByProject.load(project.row.id)).map((code) => ({ code }));
    }

    @FieldResolver(() => StructureRef, { description: "Structure porteuse du projet." })
    structure(@Root() project: Laureate): StructureRef {
      return { siret: project.row.siret };
    }

    @FieldResolver(() => ProjectRef, { nullable: true, description: "Dossier cofinancé auquel le projet appartient, s'il est référencé." })
    project(@Root() project: Laureate): ProjectRef | null {
      return project.row.projectRef ? { ref: project.row.projectRef } : null;
    }

    @FieldResolver(() => Laureate, { nullable: true, description: "Projet reconduit par celui-ci (pour une reconduction)." })
    async renewedFrom(@Root() project: Laureate, @Ctx() ctx: RegionalCallContext): Promise<Laureate | null> {
      if (!project.row.renewedFromId) return null;
      const row = await ctx.loaders.projectById.load(project.row.renewedFromId);
      return row ? toLaureate(row) : null;
    }
  }

  @Resolver(() => RegionRef)
  class RegionResolver {
    @FieldResolver(() => [Call], { name: `${f}Calls`, nullable: true, description: `Appels à projets de la région, volet ${side.volet}.` })
    async calls(
      @Root() region: RegionRef,
      @Ctx() ctx: RegionalCallContext,
      @Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." }) year?: number,
    ): Promise<Call[]> {
      const rows = await ctx.loaders.callsByRegion.load(region.code);
      return rows.filter((c) => year == null || c.year === year).map(toCall);
    }

    @contributionResolver(side.subgraph)
    contribution(@Root() region: RegionRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Region", region.code);
    }
  }

  @Resolver(() => DepartmentRef)
  class DepartmentResolver {
    @contributionResolver(side.subgraph)
    contribution(@Root() department: DepartmentRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Department", department.code);
    }
  }

  @Resolver(() => StructureRef)
  class StructureResolver {
    @FieldResolver(() => [Laureate], {
      name: `${f}Projects`,
      nullable: true,
      description: `Projets lauréats de la structure, volet ${side.volet}, toutes années.`,
    })
    async projects(@Root() structure: StructureRef, @Ctx() ctx: RegionalCallContext): Promise<Laureate[]> {
      return (await ctx.loaders.projectsByStructure.load(structure.siret)).map(toLaureate);
    }

    @contributionResolver(side.subgraph)
    contribution(@Root() structure: StructureRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Structure", structure.siret);
    }
  }

  @Resolver(() => ProjectRef)
  class ProjectResolver {
    @FieldResolver(() => [Laureate], {
      name: `${f}Projects`,
      nullable: true,
      description: `Projets lauréats du dossier, volet ${side.volet}.`,
    })
    async projects(@Root() project: ProjectRef, @Ctx() ctx: RegionalCallContext): Promise<Laureate[]> {
      return (await ctx.loaders.projectsByRef.load(project.ref)).map(toLaureate);
    }

    @contributionResolver(side.subgraph)
    contribution(@Root() project: ProjectRef, @Ctx() ctx: RegionalCallContext): FundingContribution {
      return contributionOf(ctx.loaders, "Project", project.ref);
    }
  }

  @Resolver()
  class QueryResolver {
    @Query(() => Call, { name: `${f}Call`, nullable: true, description: `Un appel à projets, volet ${side.volet}.` })
    async call(
      @Arg("id", () => ID, { description: "Identifiant de l'appel." }) id: string,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<Call | null> {
      const row = await loadById(ctx.loaders.callById, id);
      return row ? toCall(row) : null;
    }

    @Query(() => Laureate, { name: `${f}Project`, nullable: true, description: `Un projet lauréat, volet ${side.volet}.` })
    async project(
      @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<Laureate | null> {
      const row = await loadById(ctx.loaders.projectById, id);
      return row ? toLaureate(row) : null;
    }

    @Query(() => Connection, {
      name: `${f}Projects`,
      description: `Projets lauréats, volet ${side.volet}, paginés (la liste nationale des lauréats d'une année), sous un filtre dont les critères se cumulent.`,
    })
    async projects(@Args(() => PageArgs) { filter, first, after }: PageArgs, @Ctx() ctx: RegionalCallContext): Promise<Connection> {
      const { totalCount, edges, pageInfo } = await laureatePage(ctx.dataSource, filter, first, after);
      for (const { row } of edges) ctx.loaders.projectById.prime(row.id, row);
      return { totalCount, pageInfo, edges: edges.map(({ cursor, row }) => ({ cursor, node: toLaureate(row) })) };
    }
  }

  @Resolver()
  class MutationResolver {
    @Mutation(() => Call, {
      name: `open${P}Call`,
      description: `Ouvre un appel à projets, volet ${side.volet}. Réservé à l'organisation ${side.body.toLowerCase()}:<région> de la région.`,
    })
    async openCall(
      @Arg("input", () => OpenCallInput, { description: "L'appel." }) input: OpenCallInput,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<Call> {
      return toCall(await regionalCallWrites(ctx.dataSource, side).openCall(ctx.actor, input));
    }

    @Mutation(() => Laureate, {
      name: `award${P}Project`,
      description: `Attribue un financement à un projet lauréat, volet ${side.volet} : axes retenus par l'appel, départements de la région, enveloppe respectée.`,
    })
    async award(
      @Arg("input", () => AwardProjectInput, { description: "Le projet et son financement." }) input: AwardProjectInput,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<Laureate> {
      return toLaureate(await regionalCallWrites(ctx.dataSource, side).awardProject(ctx.actor, input));
    }

    @Mutation(() => Laureate, {
      name: `record${P}Evaluation`,
      description: "Enregistre l'évaluation d'un projet (favorable ou non) : condition d'une reconduction.",
    })
    async evaluate(
      @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
      @Arg("favourable", { description: "Évaluation favorable." }) favourable: boolean,
      @Arg("summary", () => String, { nullable: true, description: "Synthèse de l'évaluation." }) summary: string | null,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<Laureate> {
      return toLaureate(await regionalCallWrites(ctx.dataSource, side).recordEvaluation(ctx.actor, id, favourable, summary ?? null));
    }

    @Mutation(() => Laureate, {
      name: `renew${P}Project`,
      description: "Reconduit un projet pour une année ultérieure, seulement après une évaluation favorable (instruction 2023).",
    })
    async renew(
      @Arg("id", () => ID, { description: "Identifiant du projet reconduit." }) id: string,
      @Arg("year", () => Int, { description: "Année de la reconduction." }) year: number,
      @Arg("amount", () => Float, { description: "Montant en euros." }) amount: number,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<Laureate> {
      return toLaureate(await regionalCallWrites(ctx.dataSource, side).renewProject(ctx.actor, id, year, amount));
    }

    @Mutation(() => Laureate, { name: `withdraw${P}Project`, description: "Retire un projet : il ne compte plus dans les financements." })
    async withdraw(
      @Arg("id", () => ID, { description: "Identifiant du projet." }) id: string,
      @Arg("reason", { description: "Motif du retrait." }) reason: string,
      @Ctx() ctx: RegionalCallContext,
    ): Promise<Laureate> {
      return toLaureate(await regionalCallWrites(ctx.dataSource, side).withdrawProject(ctx.actor, id, reason));
    }
  }

  const AuditQueries = createAuditResolver(`${f}AuditTrail`, `appels à projets, volet ${side.volet}`);

  const referenceResolvers = {
    [`${P}Call`]: {
      async __resolveReference(ref: { id: string }, ctx: RegionalCallContext) {
        const row = await loadById(ctx.loaders.callById, ref.id);
        return row ? toCall(row) : null;
      },
    },
    [`${P}Project`]: {
      async __resolveReference(ref: { id: string }, ctx: RegionalCallContext) {
        const row = await loadById(ctx.loaders.projectById, ref.id);
        return row ? toLaureate(row) : null;
      },
    },
  };

  return {
    resolvers: [
      CallResolver,
      LaureateResolver,
      RegionResolver,
      DepartmentResolver,
      StructureResolver,
      ProjectResolver,
      QueryResolver,
      MutationResolver,
      AuditQueries,
    ] as const,
    referenceResolvers,
    orphanedTypes: entityStubs,
  };
}
