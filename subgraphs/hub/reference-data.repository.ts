import { DataSource } from "typeorm";
import { DepartmentRow, RegionRow } from "../domain/reference/reference.entities";
import { InstructionRuleRow, RegionalCallAnnouncementRow } from "./reference.entities";

/** The hub's reference data, read whole (a few hundred rows at most) in its public order. */
export function referenceDataRepository(ds: DataSource) {
  return {
    regions: () => ds.getRepository(RegionRow).find({ order: { code: "ASC" } }),
    departments: () => ds.getRepository(DepartmentRow).find({ order: { code: "ASC" } }),
    instructionRules: () => ds.getRepository(InstructionRuleRow).find({ order: { year: "ASC", code: "ASC" } }),
    announcementsOf: (year: number) =>
      ds.getRepository(RegionalCallAnnouncementRow).find({ where: { year }, order: { regionCode: "ASC" } }),
  };
}
