/**
 * The fields of a funder's line (`department`, `structure`, `project`: the shared entities by
 * key) and its lists on Department, Structure and Project (`parentalityGrants(year)`…), from the
 * funder's declaration.
 */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { createEntityStubs } from "../domain/federation/entity-stubs";
import type { AnyFundingLineFunder, FundingLineNode, FundingLineRow, FundingLinesContext, ListedRow } from "./funder";

type EntityStubs = ReturnType<typeof createEntityStubs>;
type ListLoader = "rowsByDepartment" | "rowsByStructure";

const yearArg = () => Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." });

/** The resolver of the line's own entity fields. */
export function lineFieldsResolver(funder: AnyFundingLineFunder, { Department, Structure, Project }: EntityStubs) {
  const words = funder.graphql.lineFields;
  @Resolver(() => funder.graphql.type)
  class LineFields {
    @FieldResolver(() => Department, { description: words.department })
    department(@Root() line: FundingLineNode<FundingLineRow>): { code: string } {
      return { code: line.row.departmentCode };
    }

    @FieldResolver(() => Structure, { description: words.structure })
    structure(@Root() line: FundingLineNode<FundingLineRow>): { siret: string } {
      return { siret: line.row.siret };
    }

    @FieldResolver(() => Project, { nullable: true, description: words.project })
    project(@Root() line: FundingLineNode<FundingLineRow>): { ref: string } | null {
      return line.row.projectRef ? { ref: line.row.projectRef } : null;
    }
  }
  return LineFields;
}

/** The lines on Department, Structure (of one year, or all) and Project (all of the dossier's). */
export function lineListResolvers(funder: AnyFundingLineFunder, stubs: EntityStubs) {
  const { type, lists } = funder.graphql;
  const toNode = (row: ListedRow<FundingLineRow>) => funder.graphql.toNode(row);
  const options = (entity: "Department" | "Structure" | "Project") => ({
    name: lists.field,
    nullable: lists.nullable,
    description: lists[entity],
  });
  const byYear = (stub: EntityStubs["Department"] | EntityStubs["Structure"], key: "code" | "siret", loader: ListLoader) => {
    @Resolver(() => stub)
    class ListOfYear {
      @FieldResolver(() => [type], options(stub.name as "Department" | "Structure"))
      async lines(@Root() root: Record<string, string>, @Ctx() ctx: FundingLinesContext, @yearArg() year?: number | null) {
        return (await ctx.loaders[loader].load({ key: root[key], year: year ?? null })).map(toNode);
      }
    }
    return ListOfYear;
  };
  @Resolver(() => stubs.Project)
  class ListOfProject {
    @FieldResolver(() => [type], options("Project"))
    async lines(@Root() project: { ref: string }, @Ctx() ctx: FundingLinesContext) {
      return (await ctx.loaders.rowsByProject.load({ key: project.ref, year: null })).map(toNode);
    }
  }
  return [byYear(stubs.Department, "code", "rowsByDepartment"), byYear(stubs.Structure, "siret", "rowsByStructure"), ListOfProject];
}
