import { DataSource } from "typeorm";
import { DemoDataset } from "../../fixtures/demo/dataset";
import { insertDemoStructures, loadDemoOnce } from "../../fixtures/demo/load";
import { GrantStatus } from "../domain/enums";
import { CallRow } from "./call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "./laureate-project.entity";
import { CallSide } from "./side";

export async function loadRegionalCallDemo(ds: DataSource, side: CallSide, dataset: DemoDataset): Promise<void> {
  const calls = dataset.calls.filter((c) => c.side === side.fieldPrefix);
  await loadDemoOnce(ds, CallRow, async (manager) => {
    await insertDemoStructures(
      manager,
      dataset,
      calls.flatMap((c) => c.laureates.map((l) => l.siret)),
    );
    const nameOf = new Map(dataset.structures.map((s) => [s.siret, s.name]));
    for (const call of calls) {
      const saved = await manager.save(
        manager.create(CallRow, {
          regionCode: call.regionCode,
          year: call.year,
          title: call.title,
          axes: call.axes,
          joint: call.joint,
          envelopeCents: call.envelopeCents,
          deadline: call.deadline,
          resultsDue: call.resultsDue,
          demo: true,
        }),
      );
      for (const laureate of call.laureates) {
        const common = {
          callId: saved.id,
          title: laureate.title,
          siret: laureate.siret,
          structureName: nameOf.get(laureate.siret) ?? null,
          axes: laureate.axes,
          description: laureate.description,
          projectRef: laureate.projectRef,
          demo: true,
        };
        const project = await manager.save(
          manager.create(LaureateProjectRow, {
            ...common,
            year: call.year,
            amountCents: laureate.amountCents,
            status: laureate.status,
            evaluationSummary: laureate.renewal ? "Évaluation favorable (démonstration)." : null,
            evaluationFavourable: laureate.renewal ? true : null,
          }),
        );
        await manager.insert(
          LaureateProjectDepartmentRow,
          laureate.departments.map((departmentCode) => ({ projectId: project.id, departmentCode })),
        );
        if (laureate.renewal) {
          const renewal = await manager.save(
            manager.create(LaureateProjectRow, {
              ...common,
              year: laureate.renewal.year,
              amountCents: laureate.renewal.amountCents,
              status: GrantStatus.RENEWED,
              renewedFromId: project.id,
              evaluationSummary: null,
            }),
          );
          await manager.insert(
            LaureateProjectDepartmentRow,
            laureate.departments.map((departmentCode) => ({ projectId: renewal.id, departmentCode })),
          );
        }
      }
    }
  });
}
