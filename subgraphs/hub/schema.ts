import { Arg, Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { Axis, axisFromNumber, FundingSource } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { isValidSiret } from "../domain/siret";
import { badInput } from "../platform/errors";
import { AXIS_RECORDS } from "../domain/reference/axes";
import { crossFinancing, FundingLineData } from "../domain/financing/cross-financing";
import { Contribution, FinancedEntity } from "../domain/federation/contributions";
import { FundingContribution, REQUIRED_LINE_FIELDS } from "../domain/federation/funding.types";
import { applyAll, contributionFields, exactFigure } from "./contribution-fields";
import { createExplorerResolvers } from "./explorer/explorer.resolvers";
import { DepartmentRow, RegionRow } from "../domain/reference/reference.entities";
import { InstructionRuleRow, RegionalCallAnnouncementRow } from "./reference.entities";
import { HubLoaders } from "./loaders";

export interface HubContext {
  actor: Actor | null;
  loaders: HubLoaders;
  dataSource: DataSource;
}

@ObjectType({ description: "Montant d'une source de financement." })
class SourceAmount {
  @Field(() => FundingSource, { description: "Source de financement." }) source: FundingSource;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
}

@ObjectType({ description: "Total d'une année." })
class YearTotal {
  @Field(() => Int, { description: "Année." }) year: number;
  @Field(() => Float, { description: "Total de l'année en euros." }) total: number;
}

@ObjectType({ description: "Montant apporté par un financeur." })
class FunderAmount {
  @Field({ description: "Financeur (organisme et territoire)." }) funder: string;
  @Field(() => Float, { description: "Montant compté en euros (montants enregistrés et prévisions non remplacées)." }) amount: number;
  @Field(() => Float, {
    description: "Part de `amount` qui est encore une prévision (budget d'une Maison sans montant enregistré par ce financeur).",
  })
  forecastAmount: number;
  @Field(() => Float, {
    description:
      "Prévisions de ce financeur non comptées, en euros : il a enregistré le montant réel pour le même dossier, la même source et la même année.",
  })
  replacedForecastAmount: number;
}

@ObjectType({
  description:
    "Financements croisés : les lignes de tous les financeurs, toutes sources confondues (montants attribués et reconduits, hors projets retirés ; budgets des Maisons labellisées, remplacés par les montants enregistrés pour le même dossier). Complet seulement si chaque financeur a répondu : sinon `total` est nul et `partialTotal` donne la somme de ceux qui ont répondu.",
})
class CrossFinancing {
  @Field(() => Float, {
    nullable: true,
    description:
      "Total en euros, quand il est complet ; nul quand un financeur manque (voir `complete`, `partialTotal`, `missingFunders`).",
  })
  total: number | null;
  @Field({ description: "Vrai quand chaque financeur enregistré a répondu ; faux : les chiffres ne sont qu'une partie du total." })
  complete: boolean;
  @Field(() => [String], {
    description:
      "Les financeurs (sous-graphes) dont la contribution manque : en panne, trop lents ou en erreur. Vide quand le total est complet.",
  })
  missingFunders: string[];
  @Field(() => Float, {
    description: "Somme des financeurs qui ont répondu, en euros : égale à `total` quand il est complet, une partie seulement sinon.",
  })
  partialTotal: number;
  @Field(() => Float, {
    description: "Part du total qui est encore une prévision (budgets des Maisons sans montant enregistré), en euros.",
  })
  forecastAmount: number;
  @Field(() => [SourceAmount], {
    description: "Total par source, dans l'ordre de l'énumération FundingSource (financeurs qui ont répondu).",
  })
  bySource: SourceAmount[];
  @Field(() => [YearTotal], { description: "Total par année, années croissantes (financeurs qui ont répondu)." }) byYear: YearTotal[];
  @Field(() => [String], { description: "Les financeurs qui cofinancent, par ordre alphabétique." }) funders: string[];
  @Field(() => [FunderAmount], { description: "Total par financeur, avec ses prévisions comptées et remplacées." })
  byFunder: FunderAmount[];
}

@ObjectType({ description: "Un axe thématique et son libellé dans l'instruction." })
class AxisDefinition {
  @Field(() => Axis, { description: "L'axe." }) axis: Axis;
  @Field(() => Int, { description: "Numéro de l'axe (1 à 6)." }) number: number;
  @Field({ description: "Libellé de l'axe." }) label: string;
}

@ObjectType({ description: "Un chiffre ou une échéance fixé par une instruction (enveloppes, dotations minimales, dates)." })
class InstructionRule {
  @Field(() => ID, { description: "Code de la règle." }) code: string;
  @Field({ description: "Référence de l'instruction." }) instruction: string;
  @Field(() => Int, { description: "Année concernée." }) year: number;
  @Field({ description: "Énoncé de la règle." }) label: string;
  @Field(() => Float, { nullable: true, description: "Montant en euros, s'il y en a un." }) amount: number | null;
  @Field(() => String, { nullable: true, description: "Date (AAAA-MM-JJ), s'il y en a une." }) date: string | null;
}

const toRule = (r: InstructionRuleRow): InstructionRule => ({
  code: r.code,
  instruction: r.instruction,
  year: r.year,
  label: r.label,
  amount: r.amountCents == null ? null : centsToEuros(r.amountCents),
  date: r.date,
});
const toCrossFinancing = (lines: FundingLineData[], missingFunders: string[], year?: number | null): CrossFinancing => {
  const data = crossFinancing(lines, year);
  const complete = missingFunders.length === 0;
  return {
    total: complete ? centsToEuros(data.totalCents) : null,
    complete,
    missingFunders,
    partialTotal: centsToEuros(data.totalCents),
    forecastAmount: centsToEuros(data.forecastCents),
    bySource: data.bySource.map((s) => ({ source: s.source, amount: centsToEuros(s.cents) })),
    byYear: data.byYear.map((y) => ({ year: y.year, total: centsToEuros(y.totalCents) })),
    funders: data.funders,
    byFunder: data.byFunder.map((f) => ({
      funder: f.funder,
      amount: centsToEuros(f.cents),
      forecastAmount: centsToEuros(f.forecastCents),
      replacedForecastAmount: centsToEuros(f.replacedForecastCents),
    })),
  };
};

/**
 * The hub subgraph, owned by the national team: the reference data (regions, departments, axes,
 * instructions, 2022 calls), the names of structures, and `crossFinancing`, which sums the
 * contributions of every registered funder subgraph through @requires. The contributions are
 * discovered in the registered schemas: a new funder is counted once registered and composed.
 */
export function createHubSchema(contributions: readonly Contribution[]) {
  // Created per schema: its `region` field resolver points at this schema's Region class.
  @ObjectType({
    description:
      "Appel à projets régional tel que le ministère l'a recensé (page du 21 juillet 2022). Les valeurs inconnues (« A venir », cases vides) restent nulles.",
  })
  class RegionalCallAnnouncement {
    @Field(() => Int, { description: "Année." }) year: number;
    @Field({ description: "Vrai si la région a lancé ou annoncé un appel à projets." }) launched: boolean;
    @Field(() => String, { nullable: true, description: "Cahier des charges." }) specification: string | null;
    @Field(() => String, { nullable: true, description: "Date limite de dépôt des projets (AAAA-MM-JJ)." }) deadline: string | null;
    @Field(() => String, { nullable: true, description: "Projets attendus (texte du tableau)." }) expectations: string | null;
    @Field(() => [Axis], { nullable: true, description: "Axes choisis, quand le tableau les nomme." }) axes: Axis[] | null;
    @Field(() => String, { nullable: true, description: "Date prévisionnelle des résultats, telle qu'écrite (ex. « Novembre 2022 »)." })
    resultsExpected: string | null;
    @Field({ description: "Source." }) source: string;
    regionCode: string;
  }
  const toAnnouncement = (a: RegionalCallAnnouncementRow): RegionalCallAnnouncement => ({
    year: a.year,
    launched: a.launched,
    specification: a.specification,
    deadline: a.deadline,
    expectations: a.expectations,
    axes: a.axisNumbers ? a.axisNumbers.split(",").map((n) => axisFromNumber(Number(n))) : null,
    resultsExpected: a.resultsExpected,
    source: a.source,
    regionCode: a.regionCode,
  });

  const fields = contributionFields(contributions);
  const { of, requires, contributionsIn, missingIn } = fields;
  /** Declares the funders' contribution fields as @external on a hub entity class. */
  const externalContributions = (target: { prototype: object }, entity: FinancedEntity) => {
    for (const c of of(entity)) {
      Field(() => FundingContribution, { nullable: !c.nonNull, description: `Contribution du sous-graphe ${c.subgraph}.` })(
        target.prototype,
        c.field,
      );
      Directive("@external")(target.prototype, c.field);
    }
  };
  const linesOf = (root: object): FundingLineData[] => contributionsIn(root).flatMap((c) => c.lines ?? []);
  const figure = (root: object, entity: FinancedEntity, year?: number | null) =>
    exactFigure(() => toCrossFinancing(linesOf(root), missingIn(root, entity), year));
  const LINES = (c: Contribution) => `lines { ${[...REQUIRED_LINE_FIELDS, ...c.optionalLineFields].join(" ")} }`;

  @Directive('@key(fields: "code")')
  @ObjectType("Region", {
    description: "Région (code INSEE du COG). Les cinq régions d'outre-mer sont les territoires des Maisons des 1000 premiers jours.",
  })
  class Region {
    @Field(() => ID, { description: "Code INSEE de la région (ex. « 52 »)." }) code: string;
    @Field({ description: "Nom de la région." }) name: string;
    @Field({ description: "Vrai pour une région d'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte)." }) overseas: boolean;
  }
  externalContributions(Region, "Region");

  @Directive('@key(fields: "code")')
  @ObjectType("Department", { description: "Département (code INSEE du COG)." })
  class Department {
    @Field(() => ID, { description: "Code INSEE du département (ex. « 44 », « 2A », « 974 »)." }) code: string;
    @Field({ description: "Nom du département." }) name: string;
    regionCode?: string; // absent from a representation the gateway sends: the key only
  }
  externalContributions(Department, "Department");

  @Directive('@key(fields: "siret")')
  @ObjectType("Structure", { description: "Structure porteuse de projets, identifiée par son SIRET." })
  class Structure {
    @Field(() => ID, { description: "SIRET de la structure (14 chiffres)." }) siret: string;
  }
  externalContributions(Structure, "Structure");

  @Directive('@key(fields: "ref")')
  @ObjectType("Project", { description: "Dossier cofinancé, identifié par une référence partagée entre financeurs." })
  class Project {
    @Field(() => ID, { description: "Référence partagée du dossier." }) ref: string;
  }
  externalContributions(Project, "Project");

  const toRegion = (r: RegionRow): Region => Object.assign(new Region(), { code: r.code, name: r.name, overseas: r.overseas });
  const toDepartment = (d: DepartmentRow): Department =>
    Object.assign(new Department(), { code: d.code, name: d.name, regionCode: d.regionCode });
  const yearArg = () => Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." });

  @Resolver(() => Region)
  class RegionResolver {
    @FieldResolver(() => [Department], { description: "Départements de la région." })
    async departments(@Root() region: Region, @Ctx() ctx: HubContext): Promise<Department[]> {
      return (await ctx.loaders.departmentsOfRegion.load(region.code)).map(toDepartment);
    }

    @FieldResolver(() => RegionalCallAnnouncement, {
      nullable: true,
      description: "L'appel à projets régional recensé par le ministère pour cette année (2022 seulement).",
    })
    async regionalCall(
      @Root() region: Region,
      @Ctx() ctx: HubContext,
      @Arg("year", () => Int, { description: "Année." }) year: number,
    ): Promise<RegionalCallAnnouncement | null> {
      const found = (await ctx.loaders.announcementsOfRegion.load(region.code)).find((a) => a.year === year);
      return found ? toAnnouncement(found) : null;
    }

    @FieldResolver(() => CrossFinancing, {
      nullable: true,
      description: "Financements croisés de la région : lignes de tous les financeurs dans la région.",
    })
    crossFinancing(@Root() region: Region, @yearArg() year?: number): CrossFinancing {
      return figure(region, "Region", year);
    }
  }
  applyAll(requires("Region", LINES), RegionResolver.prototype, "crossFinancing");

  @Resolver(() => Department)
  class DepartmentResolver {
    @FieldResolver(() => Region, { description: "Région du département." })
    async region(@Root() department: Department, @Ctx() ctx: HubContext): Promise<Region> {
      const regionCode = department.regionCode ?? (await ctx.loaders.department.load(department.code))?.regionCode;
      return toRegion((await ctx.loaders.region.load(regionCode as string)) as RegionRow);
    }

    @FieldResolver(() => CrossFinancing, {
      nullable: true,
      description:
        "Financements croisés du département (un projet qui se déroule dans plusieurs départements y compte pour sa part : montant partagé à parts égales, au centime près, entre ses départements).",
    })
    crossFinancing(@Root() department: Department, @yearArg() year?: number): CrossFinancing {
      return figure(department, "Department", year);
    }
  }
  applyAll(requires("Department", LINES), DepartmentResolver.prototype, "crossFinancing");

  @Resolver(() => Structure)
  class StructureResolver {
    @FieldResolver(() => String, {
      nullable: true,
      description:
        "Nom de la structure selon l'annuaire du hub : celui du répertoire SIRENE importé, sinon le premier nom qu'un financeur a enregistré pour ce SIRET (un financeur n'en renomme pas une autre).",
    })
    name(@Root() structure: Structure, @Ctx() ctx: HubContext): Promise<string | null> {
      return ctx.loaders.structureName.load(structure.siret);
    }

    @FieldResolver(() => CrossFinancing, {
      nullable: true,
      description: "Financements croisés de la structure (une Maison portée à plusieurs compte pour son premier porteur).",
    })
    crossFinancing(@Root() structure: Structure, @yearArg() year?: number): CrossFinancing {
      return figure(structure, "Structure", year);
    }
  }
  applyAll(requires("Structure", LINES), StructureResolver.prototype, "crossFinancing");

  @Resolver(() => Project)
  class ProjectResolver {
    @FieldResolver(() => CrossFinancing, { nullable: true, description: "Financements croisés du dossier." })
    crossFinancing(@Root() project: Project, @yearArg() year?: number): CrossFinancing {
      return figure(project, "Project", year);
    }
  }
  applyAll(requires("Project", LINES), ProjectResolver.prototype, "crossFinancing");

  @Resolver()
  class ReferenceQueries {
    @Query(() => Region, { nullable: true, description: "Une région par son code INSEE." })
    async region(
      @Arg("code", () => ID, { description: "Code INSEE de la région." }) code: string,
      @Ctx() ctx: HubContext,
    ): Promise<Region | null> {
      const row = await ctx.loaders.region.load(code);
      return row ? toRegion(row) : null;
    }

    @Query(() => [Region], { description: "Les 18 régions." })
    async regions(@Ctx() ctx: HubContext): Promise<Region[]> {
      return (await ctx.dataSource.getRepository(RegionRow).find({ order: { code: "ASC" } })).map(toRegion);
    }

    @Query(() => Department, { nullable: true, description: "Un département par son code INSEE." })
    async department(
      @Arg("code", () => ID, { description: "Code INSEE du département." }) code: string,
      @Ctx() ctx: HubContext,
    ): Promise<Department | null> {
      const row = await ctx.loaders.department.load(code);
      return row ? toDepartment(row) : null;
    }

    @Query(() => [Department], { description: "Les 101 départements." })
    async departments(@Ctx() ctx: HubContext): Promise<Department[]> {
      return (await ctx.dataSource.getRepository(DepartmentRow).find({ order: { code: "ASC" } })).map(toDepartment);
    }

    @Query(() => Structure, {
      nullable: true,
      description: "Une structure par son SIRET (nom nul si l'annuaire des structures du hub ne connaît pas ce SIRET).",
    })
    structure(@Arg("siret", () => ID, { description: "SIRET (14 chiffres)." }) siret: string): Structure {
      if (!isValidSiret(siret))
        throw badInput(`SIRET invalide : « ${siret} » (14 chiffres, clé de Luhn ; règle particulière de La Poste).`, "siret");
      return Object.assign(new Structure(), { siret });
    }

    @Query(() => Project, { nullable: true, description: "Un dossier cofinancé par sa référence." })
    project(@Arg("ref", () => ID, { description: "Référence du dossier." }) ref: string): Project {
      if (!ref.trim()) throw badInput("La référence du dossier est vide.", "ref");
      return Object.assign(new Project(), { ref });
    }

    @Query(() => [AxisDefinition], { description: "Les 6 axes thématiques." })
    axes(): AxisDefinition[] {
      return AXIS_RECORDS.map((a) => ({ axis: a.axis, number: a.number, label: a.label }));
    }

    @Query(() => [InstructionRule], { description: "Les chiffres et échéances des instructions 2021, 2023 et 2024." })
    async instructionRules(@Ctx() ctx: HubContext): Promise<InstructionRule[]> {
      return (await ctx.dataSource.getRepository(InstructionRuleRow).find({ order: { year: "ASC", code: "ASC" } })).map(toRule);
    }

    @Query(() => [RegionalCallAnnouncement], {
      description: "Les appels à projets régionaux recensés par le ministère pour une année (2022).",
    })
    async regionalCalls(
      @Arg("year", () => Int, { description: "Année." }) year: number,
      @Ctx() ctx: HubContext,
    ): Promise<RegionalCallAnnouncement[]> {
      return (await ctx.dataSource.getRepository(RegionalCallAnnouncementRow).find({ where: { year }, order: { regionCode: "ASC" } })).map(
        toAnnouncement,
      );
    }
  }

  @Resolver(() => RegionalCallAnnouncement)
  class AnnouncementResolver {
    @FieldResolver(() => Region, { description: "Région." })
    async region(@Root() announcement: RegionalCallAnnouncement, @Ctx() ctx: HubContext): Promise<Region> {
      return toRegion((await ctx.loaders.region.load(announcement.regionCode)) as RegionRow);
    }
  }

  const referenceResolvers = {
    Region: {
      async __resolveReference(ref: { code: string }, ctx: HubContext) {
        const row = await ctx.loaders.region.load(ref.code);
        return row ? Object.assign(toRegion(row), ref) : null;
      },
    },
    Department: {
      async __resolveReference(ref: { code: string }, ctx: HubContext) {
        const row = await ctx.loaders.department.load(ref.code);
        return row ? Object.assign(toDepartment(row), ref) : null;
      },
    },
    Structure: { __resolveReference: (ref: { siret: string }) => Object.assign(new Structure(), ref) },
    Project: { __resolveReference: (ref: { ref: string }) => Object.assign(new Project(), ref) },
  };

  const explorer = createExplorerResolvers({ Region, Department, Structure, Project }, fields);
  return {
    resolvers: [
      RegionResolver,
      DepartmentResolver,
      StructureResolver,
      ProjectResolver,
      ReferenceQueries,
      AnnouncementResolver,
      ...explorer,
    ] as const,
    referenceResolvers,
    /** The entity Query.structures returns (directory/structure-search.resolver.ts). */
    Structure,
  };
}
