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
import { Axis } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { FundingContribution } from "../domain/federation/funding.types";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver, createEntityStubs } from "../domain/federation/entity-stubs";
import { createAuditResolver } from "../platform/audit/audit";
import { rowId } from "../domain/rules/formats";
import { DepartmentalCreditRow, DepartmentalProgramme } from "./departmental-credit.entity";
import { DepartementsLoaders } from "./loaders";
import { DepartmentalCreditInput, recordDepartmentalCredit } from "./writes";

export interface DepartementsContext {
  actor: Actor | null;
  loaders: DepartementsLoaders;
  dataSource: DataSource;
}
const SUBGRAPH = "departements";

registerEnumType(DepartmentalProgramme, {
  name: "DepartmentalProgramme",
  description: "Cadre d'un crédit départemental.",
  valuesConfig: {
    PMI: { description: "Protection maternelle et infantile (PMI)." },
    PREVENTION_PROTECTION_CONTRACT: {
      description: "Contractualisation prévention et protection de l'enfance (engagement prévention / PMI, avec l'ARS et le préfet).",
    },
    MAISON_COFUNDING: { description: "Cofinancement d'une Maison des 1000 premiers jours." },
    LAUREATE_COFUNDING: { description: "Cofinancement d'un lauréat d'appel à projets 1000 premiers jours." },
    OTHER: { description: "Autre crédit départemental." },
  },
});

const { Region, Department, Structure, Project, all: entityStubs } = createEntityStubs();
type Region = InstanceType<typeof Region>;
type Department = InstanceType<typeof Department>;
type Structure = InstanceType<typeof Structure>;
type Project = InstanceType<typeof Project>;

@Directive('@key(fields: "id")')
@ObjectType({ description: "Crédit d'un conseil départemental à une structure, pour une année (source DEPARTMENT)." })
export class DepartmentalCredit {
  @Field(() => ID, { description: "Identifiant du crédit." }) id: string;
  @Field(() => DepartmentalProgramme, { description: "Cadre du crédit." }) programme: DepartmentalProgramme;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field({ description: "Objet du crédit." }) title: string;
  @Field(() => [Axis], { description: "Axes thématiques concernés, s'ils sont renseignés." }) axes: Axis[];
  row: DepartmentalCreditRow;
}

export const toCredit = (row: DepartmentalCreditRow): DepartmentalCredit => ({
  id: String(row.id),
  programme: row.programme,
  amount: centsToEuros(row.amountCents),
  year: row.year,
  title: row.title,
  axes: row.axes,
  row,
});
const inYear = (year?: number | null) => (c: DepartmentalCreditRow) => year == null || c.year === year;
const yearArg = () => Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." });

@Resolver(() => DepartmentalCredit)
class CreditResolver {
  @FieldResolver(() => Department, { description: "Département qui attribue." })
  department(@Root() credit: DepartmentalCredit): Department {
    return { code: credit.row.departmentCode };
  }

  @FieldResolver(() => Structure, { description: "Structure bénéficiaire." })
  structure(@Root() credit: DepartmentalCredit): Structure {
    return { siret: credit.row.siret };
  }

  @FieldResolver(() => Project, { nullable: true, description: "Dossier cofinancé, s'il est référencé." })
  project(@Root() credit: DepartmentalCredit): Project | null {
    return credit.row.projectRef ? { ref: credit.row.projectRef } : null;
  }
}

@Resolver(() => Region)
class RegionResolver {
  @contributionResolver(SUBGRAPH)
  contribution(@Root() region: Region, @Ctx() ctx: DepartementsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Region", region.code);
  }
}

@Resolver(() => Department)
class DepartmentResolver {
  @FieldResolver(() => [DepartmentalCredit], { nullable: true, description: "Crédits du conseil départemental." })
  async departmentalCredits(
    @Root() department: Department,
    @Ctx() ctx: DepartementsContext,
    @yearArg() year?: number,
  ): Promise<DepartmentalCredit[]> {
    return (await ctx.loaders.creditsByDepartment.load(department.code)).filter(inYear(year)).map(toCredit);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() department: Department, @Ctx() ctx: DepartementsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Department", department.code);
  }
}

@Resolver(() => Structure)
class StructureResolver {
  @FieldResolver(() => [DepartmentalCredit], { nullable: true, description: "Crédits départementaux reçus par la structure." })
  async departmentalCredits(
    @Root() structure: Structure,
    @Ctx() ctx: DepartementsContext,
    @yearArg() year?: number,
  ): Promise<DepartmentalCredit[]> {
    return (await ctx.loaders.creditsByStructure.load(structure.siret)).filter(inYear(year)).map(toCredit);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() structure: Structure, @Ctx() ctx: DepartementsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Structure", structure.siret);
  }
}

@Resolver(() => Project)
class ProjectResolver {
  @FieldResolver(() => [DepartmentalCredit], { nullable: true, description: "Crédits départementaux du dossier." })
  async departmentalCredits(@Root() project: Project, @Ctx() ctx: DepartementsContext): Promise<DepartmentalCredit[]> {
    return (await ctx.loaders.creditsByProject.load(project.ref)).map(toCredit);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() project: Project, @Ctx() ctx: DepartementsContext): FundingContribution {
    return contributionOf(ctx.loaders, "Project", project.ref);
  }
}

@Resolver()
class CreditOperations {
  @Query(() => DepartmentalCredit, { nullable: true, description: "Un crédit départemental par son identifiant." })
  async departmentalCredit(
    @Arg("id", () => ID, { description: "Identifiant." }) id: string,
    @Ctx() ctx: DepartementsContext,
  ): Promise<DepartmentalCredit | null> {
    const key = rowId(id);
    const row = key === null ? undefined : await ctx.loaders.creditById.load(key);
    return row ? toCredit(row) : null;
  }

  @Mutation(() => DepartmentalCredit, { description: "Enregistre un crédit départemental. Réservé à cd:<département> ; pas de doublon." })
  async recordDepartmentalCredit(
    @Arg("input", () => DepartmentalCreditInput, { description: "Le crédit." }) input: DepartmentalCreditInput,
    @Ctx() ctx: DepartementsContext,
  ): Promise<DepartmentalCredit> {
    return toCredit(await recordDepartmentalCredit(ctx.dataSource, ctx.actor, input));
  }
}

const AuditQueries = createAuditResolver("departementsAuditTrail", "crédits des conseils départementaux");

export const departementsEntityStubs = entityStubs;
export const departementsResolvers = [
  CreditResolver,
  RegionResolver,
  DepartmentResolver,
  StructureResolver,
  ProjectResolver,
  CreditOperations,
  AuditQueries,
] as const;
export const departementsReferenceResolvers = {
  DepartmentalCredit: {
    async __resolveReference(ref: { id: string }, ctx: DepartementsContext) {
      const key = rowId(ref.id);
      const row = key === null ? undefined : await ctx.loaders.creditById.load(key);
      return row ? toCredit(row) : null;
    },
  },
};
