import { createAuditResolver } from "../platform/audit/audit-trail.resolver";
import { entityStubs } from "./entity-stubs";
import { DepartmentResolver, ProjectResolver, RegionResolver, StructureResolver } from "./entity-fields.resolver";
import { MaisonResolver } from "./maison.resolver";
import { MaisonMutations } from "./mutations.resolver";
import { MaisonQueries } from "./queries.resolver";
import { TerritoryResolver } from "./territory.resolver";

/** Entities this subgraph extends without returning them: listed so the schema keeps them. */
export const maisonsEntityStubs = entityStubs;

export const maisonsResolvers = [
  MaisonResolver,
  TerritoryResolver,
  RegionResolver,
  DepartmentResolver,
  StructureResolver,
  ProjectResolver,
  MaisonQueries,
  MaisonMutations,
  createAuditResolver("maisonsAuditTrail", "Maisons des 1000 premiers jours"),
] as const;
