import { DataSource } from "typeorm";
import { DemoDataset } from "../../fixtures/demo/dataset";
import { insertDemoStructures, loadDemoOnce } from "../../fixtures/demo/load";
import { ParentalityGrantRow } from "./parentality-grant.entity";

export async function loadCafDemo(ds: DataSource, dataset: DemoDataset): Promise<void> {
  await loadDemoOnce(ds, ParentalityGrantRow, async (manager) => {
    await insertDemoStructures(
      manager,
      dataset,
      dataset.grants.map((g) => g.siret),
    );
    const rows = dataset.grants.map((g) => manager.create(ParentalityGrantRow, { ...g, demo: true }));
    for (let i = 0; i < rows.length; i += 200) await manager.insert(ParentalityGrantRow, rows.slice(i, i + 200));
  });
}
