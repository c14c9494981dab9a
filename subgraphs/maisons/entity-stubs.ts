import { createEntityStubs } from "../domain/federation/entity-stubs";

/** The entities owned elsewhere that the Maisons extend (their key only). */
export const { Region, Department, Structure, Project, all: entityStubs } = createEntityStubs();
export type Region = InstanceType<typeof Region>;
export type Department = InstanceType<typeof Department>;
export type Structure = InstanceType<typeof Structure>;
export type Project = InstanceType<typeof Project>;
