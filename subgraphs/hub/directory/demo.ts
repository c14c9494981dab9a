import { DataSource } from "typeorm";
import { DemoDataset } from "../../../fixtures/demo/dataset";
import { recordStructureNames } from "./record";

/** The demo structures in the directory, as the funders' demo rows name them (once, one transaction). */
export async function loadDirectoryDemo(ds: DataSource, dataset: DemoDataset): Promise<void> {
  await ds.transaction((m) => recordStructureNames(m, dataset.structures, "demo", true));
}
