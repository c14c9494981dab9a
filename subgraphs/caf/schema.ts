import { Arg, Ctx, Directive, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { Axis, FundingSource } from "../domain/enums";
import { centsToEuros } from "../domain/money";
import { FundingContribution } from "../domain/federation/funding.types";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver, createEntityStubs } from "../domain/federation/entity-stubs";
import { ParentalityGrantRow } from "./parentality-grant.entity";
import { ParentalityGrantInput, recordParentalityGrant } from "./writes";
import { createAuditResolver } from "../platform/audit/audit";
import { rowId } from "../domain/rules/formats";
import { CafLoaders } from "./loaders";

export interface CafContext {
  actor: Actor | null;
  loaders: CafLoaders;
  dataSource: DataSource;
}
const SUBGRAPH = "caf";

const { Region, Department, Structure, Project, all: entityStubs } = createEntityStubs();
type Region = InstanceType<typeof Region>;
type Department = InstanceType<typeof Department>;
type Structure = InstanceType<typeof Structure>;
type Project = InstanceType<typeof Project>;

@Directive('@key(fields: "id")')
@ObjectType({ description: "Subvention d'une CAF à une structure, pour une année, sur l'un de ses fonds (FNP, REAAP, LAEP, FPT, FIPE)." })
export class ParentalityGrant {
  @Field(() => ID, { description: "Identifiant de la subvention." }) id: string;
  @Field(() => FundingSource, { description: "Fonds de la CAF." }) fund: FundingSource;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field({ description: "Objet de la subvention (action financée)." }) title: string;
  @Field(() => [Axis], { description: "Axes thématiques des 1000 premiers jours concernés, s'ils sont renseignés." }) axes: Axis[];
  row: ParentalityGrantRow;
}

export const toGrant = (row: ParentalityGrantRow): ParentalityGrant => ({
  id: String(row.id),
  fund: row.fund,
  amount: centsToEuros(row.amountCents),
  year: row.year,
  title: row.title,
  axes: row.axes,
  row,
});
const inYear = (year?: number | null) => (g: ParentalityGrantRow) => year == null || g.year === year;
const yearArg = () => Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." });

@Resolver(() => ParentalityGrant)
class GrantResolver {
  @FieldResolver(() => Department, { description: "Département de la CAF qui attribue." })
  department(@Root() grant: ParentalityGrant): Department {
    return { code: grant.row.departmentCode };
  }

  @FieldResolver(() => Structure, { description: "Structure bénéficiaire." })
  structure(@Root() grant: ParentalityGrant): Structure {
    return { siret: grant.row.siret };
  }

  @FieldResolver(() => Project, { nullable: true, description: "Dossier cofinancé, s'il est référencé." })
  project(@Root() grant: ParentalityGrant): Project | null {
    return grant.row.projectRef ? { ref: grant.row.projectRef } : null;
  }
}

@Resolver(() => Region)
class RegionResolver {
  @contributionResolver(SUBGRAPH)
  contribution(@Root() region: Region, @Ctx() ctx: CafContext): FundingContribution {
    return contributionOf(ctx.loaders, "Region", region.code);
  }
}

@Resolver(() => Department)
class DepartmentResolver {
  @FieldResolver(() => [ParentalityGrant], { nullable: true, description: "Subventions de la CAF du département." })
  async parentalityGrants(@Root() department: Department, @Ctx() ctx: CafContext, @yearArg() year?: number): Promise<ParentalityGrant[]> {
    return (await ctx.loaders.grantsByDepartment.load(department.code)).filter(inYear(year)).map(toGrant);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() department: Department, @Ctx() ctx: CafContext): FundingContribution {
    return contributionOf(ctx.loaders, "Department", department.code);
  }
}

@Resolver(() => Structure)
class StructureResolver {
  @FieldResolver(() => [ParentalityGrant], { nullable: true, description: "Subventions des CAF à la structure." })
  async parentalityGrants(@Root() structure: Structure, @Ctx() ctx: CafContext, @yearArg() year?: number): Promise<ParentalityGrant[]> {
    return (await ctx.loaders.grantsByStructure.load(structure.siret)).filter(inYear(year)).map(toGrant);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() structure: Structure, @Ctx() ctx: CafContext): FundingContribution {
    return contributionOf(ctx.loaders, "Structure", structure.siret);
  }
}

@Resolver(() => Project)
class ProjectResolver {
  @FieldResolver(() => [ParentalityGrant], { nullable: true, description: "Subventions des CAF au dossier." })
  async parentalityGrants(@Root() project: Project, @Ctx() ctx: CafContext): Promise<ParentalityGrant[]> {
    return (await ctx.loaders.grantsByProject.load(project.ref)).map(toGrant);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() project: Project, @Ctx() ctx: CafContext): FundingContribution {
    return contributionOf(ctx.loaders, "Project", project.ref);
  }
}

@Resolver()
class GrantQueries {
  @Query(() => ParentalityGrant, { nullable: true, description: "Une subvention de CAF par son identifiant." })
  async parentalityGrant(
    @Arg("id", () => ID, { description: "Identifiant." }) id: string,
    @Ctx() ctx: CafContext,
  ): Promise<ParentalityGrant | null> {
    const key = rowId(id);
    const row = key === null ? undefined : await ctx.loaders.grantById.load(key);
    return row ? toGrant(row) : null;
  }
}

@Resolver()
class GrantMutations {
  @Mutation(() => ParentalityGrant, {
    description: "Enregistre une subvention de la CAF. Réservé à caf:<département> ; fonds de la CAF seulement ; pas de doublon.",
  })
  async recordParentalityGrant(
    @Arg("input", () => ParentalityGrantInput, { description: "La subvention." }) input: ParentalityGrantInput,
    @Ctx() ctx: CafContext,
  ): Promise<ParentalityGrant> {
    return toGrant(await recordParentalityGrant(ctx.dataSource, ctx.actor, input));
  }
}

const CafAuditQueries = createAuditResolver("cafAuditTrail", "subventions des CAF");

/** Entities this subgraph extends without returning them: listed so the schema keeps them. */
export const cafEntityStubs = entityStubs;

export const cafResolvers = [
  GrantResolver,
  RegionResolver,
  DepartmentResolver,
  StructureResolver,
  ProjectResolver,
  GrantQueries,
  GrantMutations,
  CafAuditQueries,
] as const;

export const cafReferenceResolvers = {
  ParentalityGrant: {
    async __resolveReference(ref: { id: string }, ctx: CafContext) {
      const key = rowId(ref.id);
      const row = key === null ? undefined : await ctx.loaders.grantById.load(key);
      return row ? toGrant(row) : null;
    },
  },
};
