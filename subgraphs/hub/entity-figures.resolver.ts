import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { RegionRow } from "../domain/reference/reference.entities";
import { AnnouncementObject, AnnouncementType } from "./announcement.type";
import { HubContext } from "./context";
import { crossFinancingFigure } from "./cross-financing.figure";
import { CrossFinancing } from "./cross-financing.type";
import { ContributionFields } from "./contribution-fields";
import { DepartmentObject, HubEntities, ProjectObject, RegionObject, StructureObject } from "./entities.type";

const yearArg = () => Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." });

/**
 * The fields of the hub's entities: their relations, the structure's name, and `crossFinancing`,
 * which sums the contributions of every registered funder through @requires.
 */
export function createEntityFiguresResolvers(
  { Region, Department, Structure, Project, toRegion, toDepartment }: HubEntities,
  { RegionalCallAnnouncement, toAnnouncement }: AnnouncementType,
  fields: ContributionFields,
) {
  const { figure, requireLines } = crossFinancingFigure(fields);

  @Resolver(() => Region)
  class RegionResolver {
    @FieldResolver(() => [Department], { description: "Départements de la région." })
    async departments(@Root() region: RegionObject, @Ctx() ctx: HubContext): Promise<DepartmentObject[]> {
      return (await ctx.loaders.departmentsOfRegion.load(region.code)).map(toDepartment);
    }

    @FieldResolver(() => RegionalCallAnnouncement, {
      nullable: true,
      description: "L'appel à projets régional recensé par le ministère pour cette année (2022 seulement).",
    })
    async regionalCall(
      @Root() region: RegionObject,
      @Ctx() ctx: HubContext,
      @Arg("year", () => Int, { description: "Année." }) year: number,
    ): Promise<AnnouncementObject | null> {
      const found = (await ctx.loaders.announcementsOfRegion.load(region.code)).find((a) => a.year === year);
      return found ? toAnnouncement(found) : null;
    }

    @FieldResolver(() => CrossFinancing, {
      nullable: true,
      description: "Financements croisés de la région : lignes de tous les financeurs dans la région.",
    })
    crossFinancing(@Root() region: RegionObject, @yearArg() year?: number): CrossFinancing {
      return figure(region, "Region", year);
    }
  }
  requireLines("Region", RegionResolver.prototype);

  @Resolver(() => Department)
  class DepartmentResolver {
    @FieldResolver(() => Region, { description: "Région du département." })
    async region(@Root() department: DepartmentObject, @Ctx() ctx: HubContext): Promise<RegionObject> {
      const regionCode = department.regionCode ?? (await ctx.loaders.department.load(department.code))?.regionCode;
      return toRegion((await ctx.loaders.region.load(regionCode as string)) as RegionRow);
    }

    @FieldResolver(() => CrossFinancing, {
      nullable: true,
      description:
        "Financements croisés du département (un projet qui se déroule dans plusieurs départements y compte pour sa part : montant partagé à parts égales, au centime près, entre ses départements).",
    })
    crossFinancing(@Root() department: DepartmentObject, @yearArg() year?: number): CrossFinancing {
      return figure(department, "Department", year);
    }
  }
  requireLines("Department", DepartmentResolver.prototype);

  @Resolver(() => Structure)
  class StructureResolver {
    @FieldResolver(() => String, {
      nullable: true,
      description:
        "Nom de la structure selon l'annuaire du hub : celui du répertoire SIRENE importé, sinon le premier nom qu'un financeur a enregistré pour ce SIRET (un financeur n'en renomme pas une autre).",
    })
    name(@Root() structure: StructureObject, @Ctx() ctx: HubContext): Promise<string | null> {
      return ctx.loaders.structureName.load(structure.siret);
    }

    @FieldResolver(() => CrossFinancing, {
      nullable: true,
      description: "Financements croisés de la structure (une Maison portée à plusieurs compte pour son premier porteur).",
    })
    crossFinancing(@Root() structure: StructureObject, @yearArg() year?: number): CrossFinancing {
      return figure(structure, "Structure", year);
    }
  }
  requireLines("Structure", StructureResolver.prototype);

  @Resolver(() => Project)
  class ProjectResolver {
    @FieldResolver(() => CrossFinancing, { nullable: true, description: "Financements croisés du dossier." })
    crossFinancing(@Root() project: ProjectObject, @yearArg() year?: number): CrossFinancing {
      return figure(project, "Project", year);
    }
  }
  requireLines("Project", ProjectResolver.prototype);

  return [RegionResolver, DepartmentResolver, StructureResolver, ProjectResolver] as const;
}
