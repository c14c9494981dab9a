import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/**
 * The hub's structure directory: one row per SIRET, the one name every path of the graph shows.
 * `recordedName` is the first name a funder recorded for the SIRET, never changed afterwards;
 * `officialName` comes from an INSEE SIRENE extract and, when present, overrides it.
 */
@Entity({ name: "structure_directory" })
export class StructureDirectoryRow {
  @PrimaryColumn({ type: "varchar", length: 14 }) siret: string;
  @Column({ name: "recorded_name", type: "varchar", length: 300, nullable: true }) recordedName: string | null;
  /** The organisation whose write first recorded the SIRET (`caf:44`, `ars:52`…). */
  @Column({ name: "recorded_by", type: "varchar", length: 40, nullable: true }) recordedBy: string | null;
  @Column({ name: "official_name", type: "varchar", length: 300, nullable: true }) officialName: string | null;
  /** SIRENE's etatAdministratifEtablissement: A (active) or F (closed). */
  @Column({ name: "official_state", type: "varchar", length: 1, nullable: true }) officialState: string | null;
  /** The SIRENE file the official name comes from. */
  @Column({ name: "official_source", type: "varchar", length: 200, nullable: true }) officialSource: string | null;
  @Column({ type: "boolean", default: false }) demo: boolean;
  @CreateDateColumn({ name: "created_at" }) createdAt: Date;
}

/** The directory's name for a SIRET: the official one when SIRENE gave one, else the first recorded. */
export const directoryName = (row: Pick<StructureDirectoryRow, "officialName" | "recordedName"> | undefined): string | null =>
  row?.officialName ?? row?.recordedName ?? null;
