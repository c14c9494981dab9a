import { Column, Entity } from "typeorm";
import { Axis } from "../domain/enums";
import { axesColumn } from "../platform/db/columns";
import { FundingLineColumns } from "../funding-lines/funding-line.entity";

/** What a department funds its credits under (PMI, the prevention/protection contract, co-funding). */
export enum DepartmentalProgramme {
  PMI = "PMI",
  PREVENTION_PROTECTION_CONTRACT = "PREVENTION_PROTECTION_CONTRACT",
  MAISON_COFUNDING = "MAISON_COFUNDING",
  LAUREATE_COFUNDING = "LAUREATE_COFUNDING",
  OTHER = "OTHER",
}

/** A departmental credit to a structure for one year (source DEPARTMENT in cross-financing). */
@Entity({ name: "departmental_credit" })
export class DepartmentalCreditRow extends FundingLineColumns {
  @Column({ type: "varchar", length: 40 }) programme: DepartmentalProgramme;
  @Column({ type: "text", transformer: axesColumn }) axes: Axis[];
  @Column({ type: "boolean", default: false }) demo: boolean;
}
