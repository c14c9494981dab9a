import { DataSource } from "typeorm";
import { LabellingCriterionRow, MaisonProjectRow } from "./maison.entities";

/** The Maisons read whole: the annex-2 grid (reference data) and every project of the five territories. */
export function maisonRepository(ds: DataSource) {
  return {
    labellingGrid: () => ds.getRepository(LabellingCriterionRow).find({ order: { position: "ASC" } }),
    allProjects: () => ds.getRepository(MaisonProjectRow).find({ order: { territoryCode: "ASC", id: "ASC" } }),
  };
}
