import { Names } from "./names";

/**
 * `subgraphs/<name>/schema.ts`: the shared entities as stubs (key only), the funding line type,
 * the fields this subgraph adds to them, its `<name>Contribution` to cross-financing, one root
 * query, the write mutation and the audit trail.
 */
export const schemaTemplate = (
  n: Names,
) => `import { Arg, Ctx, Directive, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { centsToEuros } from "../domain/money";
import { FundingContribution } from "../domain/federation/funding.types";
import { contributionOf } from "../domain/federation/contribution-of";
import { contributionResolver, createEntityStubs } from "../domain/federation/entity-stubs";
import { createAuditResolver } from "../platform/audit/audit";
import { ${n.grantRow} } from "./grant.entity";
import { ${n.loadersType} } from "./loaders";
import { ${n.grantInput}, ${n.recordMutation} } from "./writes";

export interface ${n.contextType} {
  actor: Actor | null;
  loaders: ${n.loadersType};
  dataSource: DataSource;
}
const SUBGRAPH = "${n.name}";

// The shared entities, resolved by the hub: here with their key only.
const { Region, Department, Structure, Project, all: entityStubs } = createEntityStubs();
type Region = InstanceType<typeof Region>;
type Department = InstanceType<typeof Department>;
type Structure = InstanceType<typeof Structure>;
type Project = InstanceType<typeof Project>;

@Directive('@key(fields: "id")')
@ObjectType({ description: "Financement de ${n.name} à une structure, pour une année (source ${n.source} dans les financements croisés)." })
class ${n.grantType} {
  @Field(() => ID, { description: "Identifiant du financement." }) id: string;
  @Field(() => Float, { description: "Montant en euros." }) amount: number;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field({ description: "Objet du financement." }) title: string;
  row: ${n.grantRow};
}

const toGrant = (row: ${n.grantRow}): ${n.grantType} => ({ id: String(row.id), amount: centsToEuros(row.amountCents), year: row.year, title: row.title, row });
const inYear = (year?: number | null) => (g: ${n.grantRow}) => year == null || g.year === year;
const yearArg = () => Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." });

@Resolver(() => ${n.grantType})
class GrantResolver {
  @FieldResolver(() => Department, { description: "Département du financement." })
  department(@Root() grant: ${n.grantType}): Department { return { code: grant.row.departmentCode }; }

  @FieldResolver(() => Structure, { description: "Structure bénéficiaire." })
  structure(@Root() grant: ${n.grantType}): Structure { return { siret: grant.row.siret }; }

  @FieldResolver(() => Project, { nullable: true, description: "Dossier cofinancé, s'il est référencé." })
  project(@Root() grant: ${n.grantType}): Project | null { return grant.row.projectRef ? { ref: grant.row.projectRef } : null; }
}

@Resolver(() => Region)
class RegionResolver {
  @contributionResolver(SUBGRAPH) // ${n.name}Contribution: internal, summed by the hub's crossFinancing and explorer
  contribution(@Root() region: Region, @Ctx() ctx: ${n.contextType}): FundingContribution {
    return contributionOf(ctx.loaders, "Region", region.code);
  }
}

@Resolver(() => Department)
class DepartmentResolver {
  @FieldResolver(() => [${n.grantType}], { description: "Financements de ${n.name} dans le département." })
  async ${n.listField}(@Root() department: Department, @Ctx() ctx: ${n.contextType}, @yearArg() year?: number): Promise<${n.grantType}[]> {
    return (await ctx.loaders.grantsByDepartment.load(department.code)).filter(inYear(year)).map(toGrant);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() department: Department, @Ctx() ctx: ${n.contextType}): FundingContribution {
    return contributionOf(ctx.loaders, "Department", department.code);
  }
}

@Resolver(() => Structure)
class StructureResolver {
  @FieldResolver(() => [${n.grantType}], { description: "Financements de ${n.name} reçus par la structure." })
  async ${n.listField}(@Root() structure: Structure, @Ctx() ctx: ${n.contextType}, @yearArg() year?: number): Promise<${n.grantType}[]> {
    return (await ctx.loaders.grantsByStructure.load(structure.siret)).filter(inYear(year)).map(toGrant);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() structure: Structure, @Ctx() ctx: ${n.contextType}): FundingContribution {
    return contributionOf(ctx.loaders, "Structure", structure.siret);
  }
}

@Resolver(() => Project)
class ProjectResolver {
  @FieldResolver(() => [${n.grantType}], { description: "Financements de ${n.name} du dossier." })
  async ${n.listField}(@Root() project: Project, @Ctx() ctx: ${n.contextType}): Promise<${n.grantType}[]> {
    return (await ctx.loaders.grantsByProject.load(project.ref)).map(toGrant);
  }

  @contributionResolver(SUBGRAPH)
  contribution(@Root() project: Project, @Ctx() ctx: ${n.contextType}): FundingContribution {
    return contributionOf(ctx.loaders, "Project", project.ref);
  }
}

@Resolver()
class GrantOperations {
  @Query(() => ${n.grantType}, { nullable: true, description: "Un financement de ${n.name} par son identifiant." })
  async ${n.oneQuery}(@Arg("id", () => ID, { description: "Identifiant." }) id: string, @Ctx() ctx: ${n.contextType}): Promise<${n.grantType} | null> {
    const row = /^\\d+$/.test(id) ? await ctx.loaders.grantById.load(Number(id)) : undefined;
    return row ? toGrant(row) : null;
  }

  @Mutation(() => ${n.grantType}, { description: "Enregistre un financement de ${n.name}. Réservé à ${orgDescription(n)} ; pas de doublon." })
  async ${n.recordMutation}(@Arg("input", () => ${n.grantInput}, { description: "Le financement." }) input: ${n.grantInput}, @Ctx() ctx: ${n.contextType}): Promise<${n.grantType}> {
    return toGrant(await ${n.recordMutation}(ctx.dataSource, ctx.actor, input));
  }
}

const AuditQueries = createAuditResolver("${n.name}AuditTrail", "financements de ${n.name}");

export const ${n.name}EntityStubs = entityStubs;
export const ${n.name}Resolvers = [GrantResolver, RegionResolver, DepartmentResolver, StructureResolver, ProjectResolver, GrantOperations, AuditQueries] as const;
export const ${n.name}ReferenceResolvers = {
  ${n.grantType}: {
    async __resolveReference(ref: { id: string }, ctx: ${n.contextType}) {
      const row = /^\\d+$/.test(ref.id) ? await ctx.loaders.grantById.load(Number(ref.id)) : undefined;
      return row ? toGrant(row) : null;
    },
  },
};
`;

/** Who may write, as the mutation's description says it. */
export function orgDescription(n: Names): string {
  if (n.scope === "national") return "national";
  return n.scope === "region" ? `${n.org}:<région du département>` : `${n.org}:<département>`;
}
