import { DataSource } from "typeorm";
import { DemoDataset } from "../../fixtures/demo/dataset";
import { insertDemoStructures, loadDemoOnce } from "../../fixtures/demo/load";
import {
  MaisonAssessmentRow,
  MaisonBudgetLineRow,
  MaisonCarrierRow,
  MaisonDecision,
  MaisonPhase,
  MaisonProjectRow,
} from "./maison.entities";

export async function loadMaisonsDemo(ds: DataSource, dataset: DemoDataset): Promise<void> {
  await loadDemoOnce(ds, MaisonProjectRow, async (manager) => {
    await insertDemoStructures(
      manager,
      dataset,
      dataset.maisons.flatMap((m) => m.carriers),
    );
    for (const maison of dataset.maisons) {
      const { carriers, assessment, budget, decision, phase, ...sheet } = maison;
      const saved = await manager.save(
        manager.create(MaisonProjectRow, { ...sheet, decision: MaisonDecision[decision], phase: MaisonPhase[phase], demo: true }),
      );
      await manager.insert(
        MaisonCarrierRow,
        carriers.map((siret, position) => ({ projectId: saved.id, siret, position })),
      );
      const assessed = Object.entries(assessment).map(([criterionCode, met]) => ({ projectId: saved.id, criterionCode, met }));
      if (assessed.length) await manager.insert(MaisonAssessmentRow, assessed);
      await manager.insert(
        MaisonBudgetLineRow,
        budget.map((line) => ({ projectId: saved.id, ...line })),
      );
    }
  });
}
