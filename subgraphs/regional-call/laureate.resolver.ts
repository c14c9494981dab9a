import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CallRow } from "./call.entity";
import { RegionalCallContext } from "./context";
import { CallObject, DepartmentRef, LaureateObject, ProjectRef, RegionalCallTypes, StructureRef } from "./types";

/** A laureate's call, departments, structure, dossier and the project it renews. */
export function createLaureateResolver({ Call, toCall, Laureate, toLaureate, stubs }: RegionalCallTypes) {
  @Resolver(() => Laureate)
  class LaureateResolver {
    @FieldResolver(() => Call, { description: "Appel à projets qui a retenu le projet." })
    async call(@Root() project: LaureateObject, @Ctx() ctx: RegionalCallContext): Promise<CallObject> {
      return toCall((await ctx.loaders.callById.load(project.row.callId)) as CallRow);
    }

    @FieldResolver(() => [stubs.Department], { description: "Départements où le projet se déroule (tous dans la région de l'appel)." })
    async departments(@Root() project: LaureateObject, @Ctx() ctx: RegionalCallContext): Promise<DepartmentRef[]> {
      return (await ctx.loaders.departmentsByProject.load(project.row.id)).map((code) => ({ code }));
    }

    @FieldResolver(() => stubs.Structure, { description: "Structure porteuse du projet." })
    structure(@Root() project: LaureateObject): StructureRef {
      return { siret: project.row.siret };
    }

    @FieldResolver(() => stubs.Project, {
      nullable: true,
      description: "Dossier cofinancé auquel le projet appartient, s'il est référencé.",
    })
    project(@Root() project: LaureateObject): ProjectRef | null {
      return project.row.projectRef ? { ref: project.row.projectRef } : null;
    }

    @FieldResolver(() => Laureate, { nullable: true, description: "Projet reconduit par celui-ci (pour une reconduction)." })
    async renewedFrom(@Root() project: LaureateObject, @Ctx() ctx: RegionalCallContext): Promise<LaureateObject | null> {
      if (!project.row.renewedFromId) return null;
      const row = await ctx.loaders.projectById.load(project.row.renewedFromId);
      return row ? toLaureate(row) : null;
    }
  }
  return LaureateResolver;
}
