import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { isValidSiret } from "../domain/siret";
import { badInput } from "../platform/errors";
import { AXIS_RECORDS } from "../domain/reference/axes";
import { AnnouncementObject, AnnouncementType } from "./announcement.type";
import { HubContext } from "./context";
import { DepartmentObject, HubEntities, ProjectObject, RegionObject, StructureObject } from "./entities.type";
import { AxisDefinition, InstructionRule, toRule } from "./reference-data.type";
import { referenceDataRepository } from "./reference-data.repository";

/** The hub's queries: reference data (regions, departments, axes, instructions, 2022 calls), a structure, a dossier. */
export function createReferenceQueriesResolver(
  { Region, Department, Structure, Project, toRegion, toDepartment }: HubEntities,
  { RegionalCallAnnouncement, toAnnouncement }: AnnouncementType,
) {
  @Resolver()
  class ReferenceQueries {
    @Query(() => Region, { nullable: true, description: "Une région par son code INSEE." })
    async region(
      @Arg("code", () => ID, { description: "Code INSEE de la région." }) code: string,
      @Ctx() ctx: HubContext,
    ): Promise<RegionObject | null> {
      const row = await ctx.loaders.region.load(code);
      return row ? toRegion(row) : null;
    }

    @Query(() => [Region], { description: "Les 18 régions." })
    async regions(@Ctx() ctx: HubContext): Promise<RegionObject[]> {
      return (await referenceDataRepository(ctx.dataSource).regions()).map(toRegion);
    }

    @Query(() => Department, { nullable: true, description: "Un département par son code INSEE." })
    async department(
      @Arg("code", () => ID, { description: "Code INSEE du département." }) code: string,
      @Ctx() ctx: HubContext,
    ): Promise<DepartmentObject | null> {
      const row = await ctx.loaders.department.load(code);
      return row ? toDepartment(row) : null;
    }

    @Query(() => [Department], { description: "Les 101 départements." })
    async departments(@Ctx() ctx: HubContext): Promise<DepartmentObject[]> {
      return (await referenceDataRepository(ctx.dataSource).departments()).map(toDepartment);
    }

    @Query(() => Structure, {
      nullable: true,
      description: "Une structure par son SIRET (nom nul si l'annuaire des structures du hub ne connaît pas ce SIRET).",
    })
    structure(@Arg("siret", () => ID, { description: "SIRET (14 chiffres)." }) siret: string): StructureObject {
      if (!isValidSiret(siret))
        throw badInput(`SIRET invalide : « ${siret} » (14 chiffres, clé de Luhn ; règle particulière de La Poste).`, "siret");
      return Object.assign(new Structure(), { siret });
    }

    @Query(() => Project, { nullable: true, description: "Un dossier cofinancé par sa référence." })
    project(@Arg("ref", () => ID, { description: "Référence du dossier." }) ref: string): ProjectObject {
      if (!ref.trim()) throw badInput("La référence du dossier est vide.", "ref");
      return Object.assign(new Project(), { ref });
    }

    @Query(() => [AxisDefinition], { description: "Les 6 axes thématiques." })
    axes(): AxisDefinition[] {
      return AXIS_RECORDS.map((a) => ({ axis: a.axis, number: a.number, label: a.label }));
    }

    @Query(() => [InstructionRule], { description: "Les chiffres et échéances des instructions 2021, 2023 et 2024." })
    async instructionRules(@Ctx() ctx: HubContext): Promise<InstructionRule[]> {
      return (await referenceDataRepository(ctx.dataSource).instructionRules()).map(toRule);
    }

    @Query(() => [RegionalCallAnnouncement], {
      description: "Les appels à projets régionaux recensés par le ministère pour une année (2022).",
    })
    async regionalCalls(
      @Arg("year", () => Int, { description: "Année." }) year: number,
      @Ctx() ctx: HubContext,
    ): Promise<AnnouncementObject[]> {
      return (await referenceDataRepository(ctx.dataSource).announcementsOf(year)).map(toAnnouncement);
    }
  }
  return ReferenceQueries;
}
