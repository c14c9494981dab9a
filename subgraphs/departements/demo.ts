import { DataSource } from "typeorm";
import { DemoDataset } from "../../fixtures/demo/dataset";
import { insertDemoStructures, loadDemoOnce } from "../../fixtures/demo/load";
import { DepartmentalCreditRow, DepartmentalProgramme } from "./departmental-credit.entity";

export async function loadDepartementsDemo(ds: DataSource, dataset: DemoDataset): Promise<void> {
  await loadDemoOnce(ds, DepartmentalCreditRow, async (manager) => {
    await insertDemoStructures(
      manager,
      dataset,
      dataset.credits.map((c) => c.siret),
    );
    const rows = dataset.credits.map((c) =>
      manager.create(DepartmentalCreditRow, { ...c, programme: DepartmentalProgramme[c.programme], demo: true }),
    );
    for (let i = 0; i < rows.length; i += 200) await manager.insert(DepartmentalCreditRow, rows.slice(i, i + 200));
  });
}
