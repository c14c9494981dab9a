import { DataSource, EntityManager } from "typeorm";
import { OpenCallInput } from "./inputs";
import { CallRow } from "./call.entity";
import { Cents } from "../domain/money";

/** Reads a call and, on PostgreSQL, locks it until the transaction ends (its envelope is checked against concurrent awards). */
export const lockCallForWrite = (ds: DataSource, m: EntityManager, id: number) =>
  ds.options.type === "postgres"
    ? m.getRepository(CallRow).createQueryBuilder("c").setLock("pessimistic_write").where("c.id = :id", { id }).getOne()
    : m.getRepository(CallRow).findOneBy({ id });

/** The call of a laureate already read (its foreign key guarantees one). */
export const findCall = (m: EntityManager, id: number) => m.getRepository(CallRow).findOneBy({ id });

/** A call of the same region, year and title: a second one would be the same call. */
export const findSameCall = (m: EntityManager, regionCode: string, year: number, title: string) =>
  m.getRepository(CallRow).findOneBy({ regionCode, year, title });

/** Writes a call that passed its rules. */
export const insertCall = (m: EntityManager, input: OpenCallInput, envelopeCents: Cents) =>
  m.save(
    m.create(CallRow, {
      regionCode: input.region,
      year: input.year,
      title: input.title.trim(),
      axes: input.axes,
      joint: input.joint,
      envelopeCents,
      deadline: input.deadline ?? null,
      resultsDue: input.resultsDue ?? null,
    }),
  );
