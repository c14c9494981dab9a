import { Axis, AXES_IN_ORDER, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { StructureRow } from "../../subgraphs/domain/structure.entity";
import { recordStructureNames } from "../../subgraphs/hub/directory/record";
import { CallRow } from "../../subgraphs/regional-call/call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "../../subgraphs/regional-call/laureate-project.entity";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import { DepartmentalCreditRow, DepartmentalProgramme } from "../../subgraphs/departements/departmental-credit.entity";
import { departmentsOf } from "../../subgraphs/domain/reference/cog";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { testSiret } from "./fixtures";

const CHUNK = 100;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
/** Axes that vary with i: none, one or two of the six. */
const axesOf = (i: number): Axis[] => [AXES_IN_ORDER[i % 6], AXES_IN_ORDER[(i + 2) % 6]].slice(0, i % 3);

/**
 * `count` structures of one region (fictitious), each a laureate of the ARS and the DREETS (one
 * in ten withdrawn, one in four in two departments), a CAF grant and a departmental credit, half
 * of them on a shared dossier: bulk inserts, for tests that count SQL statements per request.
 */
export async function seedBusyRegion(
  subgraphs: Record<string, SubgraphServer>,
  regionCode: string,
  count: number,
  siretOffset: number,
): Promise<string[]> {
  const departments = departmentsOf(regionCode).map((d) => d.code);
  const sirets = Array.from({ length: count }, (_, i) => testSiret(siretOffset + i));
  const names = sirets.map((siret) => ({ siret, name: `Structure ${siret} (fictif)` }));
  const ref = (i: number) => (i % 2 === 0 ? `BULK-${regionCode}-${i}` : null);
  for (const subgraph of ["ars", "dreets"] as const) {
    await subgraphs[subgraph].database.dataSource.transaction(async (m) => {
      await m.insert(StructureRow, names);
      const callRow = await m.save(
        m.create(CallRow, {
          regionCode,
          year: 2021,
          title: `Appel ${regionCode}`,
          axes: [...AXES_IN_ORDER],
          joint: true,
          envelopeCents: 100_000_00,
          deadline: null,
          resultsDue: null,
        }),
      );
      const rows = sirets.map((siret, i) =>
        m.create(LaureateProjectRow, {
          callId: callRow.id,
          year: 2021,
          title: `Projet ${i}`,
          siret,
          axes: axesOf(i + 1).length ? axesOf(i + 1) : [Axis.SCREENING_CONTINUITY],
          amountCents: 1_000_00 + i,
          status: i % 10 === 9 ? GrantStatus.WITHDRAWN : GrantStatus.AWARDED,
          description: null,
          projectRef: ref(i),
          renewedFromId: null,
          evaluationSummary: null,
        }),
      );
      for (const [c, chunk] of chunks(rows).entries()) {
        const saved = await m.save(chunk);
        const links = saved.flatMap((p, j) => {
          const i = c * CHUNK + j;
          const first = departments[i % departments.length];
          const second = departments[(i + 1) % departments.length];
          return (i % 4 === 0 && second !== first ? [first, second] : [first]).map((departmentCode) => ({
            projectId: p.id,
            departmentCode,
          }));
        });
        await m.insert(LaureateProjectDepartmentRow, links);
      }
    });
  }
  await subgraphs.hub.database.dataSource.transaction((m) => recordStructureNames(m, names, "fixture"));
  await subgraphs.caf.database.dataSource.transaction(async (m) => {
    await m.insert(StructureRow, names);
    for (const chunk of chunks(sirets.map((siret, i) => ({ siret, i })))) {
      await m.insert(
        ParentalityGrantRow,
        chunk.map(({ siret, i }) => ({
          departmentCode: departments[i % departments.length],
          year: 2021,
          fund: FundingSource.CAF_FNP,
          siret,
          title: "Subvention",
          amountCents: 500_00,
          axes: axesOf(i),
          projectRef: ref(i),
        })),
      );
    }
  });
  await subgraphs.departements.database.dataSource.transaction(async (m) => {
    await m.insert(StructureRow, names);
    for (const chunk of chunks(sirets.map((siret, i) => ({ siret, i })))) {
      await m.insert(
        DepartmentalCreditRow,
        chunk.map(({ siret, i }) => ({
          departmentCode: departments[i % departments.length],
          year: 2021,
          programme: DepartmentalProgramme.LAUREATE_COFUNDING,
          siret,
          title: "Crédit",
          amountCents: 300_00,
          axes: axesOf(i + 2),
          projectRef: ref(i),
        })),
      );
    }
  });
  return sirets;
}
