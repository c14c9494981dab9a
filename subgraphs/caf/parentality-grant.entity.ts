import { Column, Entity } from "typeorm";
import { Axis, FundingSource } from "../domain/enums";
import { axesColumn } from "../platform/db/columns";
import { FundingLineColumns } from "../funding-lines/funding-line.entity";

/** A CAF grant to a structure, for one year, from one of its funds (FNP, REAAP, LAEP, FPT, FIPE). */
@Entity({ name: "parentality_grant" })
export class ParentalityGrantRow extends FundingLineColumns {
  @Column({ type: "varchar", length: 20 }) fund: FundingSource;
  @Column({ type: "text", transformer: axesColumn }) axes: Axis[];
  @Column({ type: "boolean", default: false }) demo: boolean;
}
