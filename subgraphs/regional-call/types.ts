import { createEntityStubs } from "../domain/federation/entity-stubs";
import { createCallType } from "./call.type";
import { createLaureateType } from "./laureate.type";
import { createLaureatePageTypes } from "./laureate-page.type";
import { CallSide } from "./side";

/**
 * The GraphQL types of one side of the regional calls (HealthCall… for the ARS, SocialCall… for
 * the DREETS), and the entity stubs it extends. Classes are created per side: type-graphql attaches
 * field resolvers to classes, so the two subgraphs must not share them.
 */
export function createRegionalCallTypes(side: CallSide) {
  const stubs = createEntityStubs();
  const { Call, toCall } = createCallType(side);
  const { Laureate, toLaureate } = createLaureateType(side);
  const { Connection, PageArgs } = createLaureatePageTypes(side, Laureate);
  return { side, stubs, Call, toCall, Laureate, toLaureate, Connection, PageArgs };
}

export type RegionalCallTypes = ReturnType<typeof createRegionalCallTypes>;
type Stubs = RegionalCallTypes["stubs"];
export type CallObject = InstanceType<RegionalCallTypes["Call"]>;
export type LaureateObject = InstanceType<RegionalCallTypes["Laureate"]>;
export type RegionRef = InstanceType<Stubs["Region"]>;
export type DepartmentRef = InstanceType<Stubs["Department"]>;
export type StructureRef = InstanceType<Stubs["Structure"]>;
export type ProjectRef = InstanceType<Stubs["Project"]>;
