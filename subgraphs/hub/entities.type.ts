import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DepartmentRow, RegionRow } from "../domain/reference/reference.entities";
import { ContributionFields } from "./contribution-fields";
import { declareExternalContributions } from "./external-contributions";

/**
 * The entities the hub owns and every funder extends (Region, Department, Structure, Project),
 * created per schema: each carries the @external contribution fields of the funders registered then.
 */
export function createHubEntities(fields: ContributionFields) {
  @Directive('@key(fields: "code")')
  @ObjectType("Region", {
    description: "Région (code INSEE du COG). Les cinq régions d'outre-mer sont les territoires des Maisons des 1000 premiers jours.",
  })
  class Region {
    @Field(() => ID, { description: "Code INSEE de la région (ex. « 52 »)." }) code: string;
    @Field({ description: "Nom de la région." }) name: string;
    @Field({ description: "Vrai pour une région d'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte)." }) overseas: boolean;
  }
  declareExternalContributions(fields, Region, "Region");

  @Directive('@key(fields: "code")')
  @ObjectType("Department", { description: "Département (code INSEE du COG)." })
  class Department {
    @Field(() => ID, { description: "Code INSEE du département (ex. « 44 », « 2A », « 974 »)." }) code: string;
    @Field({ description: "Nom du département." }) name: string;
    regionCode?: string; // absent from a representation the gateway sends: the key only
  }
  declareExternalContributions(fields, Department, "Department");

  @Directive('@key(fields: "siret")')
  @ObjectType("Structure", { description: "Structure porteuse de projets, identifiée par son SIRET." })
  class Structure {
    @Field(() => ID, { description: "SIRET de la structure (14 chiffres)." }) siret: string;
  }
  declareExternalContributions(fields, Structure, "Structure");

  @Directive('@key(fields: "ref")')
  @ObjectType("Project", { description: "Dossier cofinancé, identifié par une référence partagée entre financeurs." })
  class Project {
    @Field(() => ID, { description: "Référence partagée du dossier." }) ref: string;
  }
  declareExternalContributions(fields, Project, "Project");

  const toRegion = (r: RegionRow): Region => Object.assign(new Region(), { code: r.code, name: r.name, overseas: r.overseas });
  const toDepartment = (d: DepartmentRow): Department =>
    Object.assign(new Department(), { code: d.code, name: d.name, regionCode: d.regionCode });

  return { Region, Department, Structure, Project, toRegion, toDepartment };
}

export type HubEntities = ReturnType<typeof createHubEntities>;
export type RegionObject = InstanceType<HubEntities["Region"]>;
export type DepartmentObject = InstanceType<HubEntities["Department"]>;
export type StructureObject = InstanceType<HubEntities["Structure"]>;
export type ProjectObject = InstanceType<HubEntities["Project"]>;
