import { reportWriteChanges, WriteChanges } from "../platform/cache/write-changes";
import { CallRow } from "./call.entity";
import { LaureateProjectRow } from "./laureate-project.entity";
import { CallSide } from "./side";

/** A call as the gateway's cache scopes name it: "health:12", "social:3". */
export const callKey = (side: CallSide, call: Pick<CallRow, "id">) => `${side.typePrefix.toLowerCase()}:${call.id}`;

/** What a write on a laureate changed: its call, region, departments, structure, dossier and the national lists of its year. */
export const laureateChanges = (
  side: CallSide,
  call: CallRow,
  project: LaureateProjectRow,
  departments: readonly string[],
): WriteChanges => ({
  regions: [call.regionCode],
  departments: [...departments],
  structures: [project.siret],
  projects: project.projectRef ? [project.projectRef] : [],
  calls: [callKey(side, call)],
  years: [project.year],
  lists: ["laureates"],
});

/** Runs a write and reports what it changed once committed. */
export async function reported<T>(write: Promise<{ row: T; changes: WriteChanges }>): Promise<T> {
  const { row, changes } = await write;
  reportWriteChanges(changes);
  return row;
}
