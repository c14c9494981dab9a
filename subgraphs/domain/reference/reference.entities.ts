import { Column, Entity, PrimaryColumn } from "typeorm";

/** Reference tables, identical in every subgraph's database (COG and the 6 axes). */
@Entity({ name: "region" })
export class RegionRow {
  @PrimaryColumn({ type: "varchar", length: 3 }) code: string;
  @Column({ type: "varchar", length: 100 }) name: string;
  @Column({ type: "boolean" }) overseas: boolean;
}

@Entity({ name: "department" })
export class DepartmentRow {
  @PrimaryColumn({ type: "varchar", length: 3 }) code: string;
  @Column({ type: "varchar", length: 100 }) name: string;
  @Column({ name: "region_code", type: "varchar", length: 3 }) regionCode: string;
}

@Entity({ name: "axis" })
export class AxisRow {
  @PrimaryColumn({ type: "integer" }) number: number;
  @Column({ type: "varchar", length: 40 }) code: string;
  @Column({ type: "text" }) label: string;
}

export const REFERENCE_ENTITIES = [RegionRow, DepartmentRow, AxisRow];
