/**
 * A call's laureates from a CSV file (`npm run import -- laureats --appel <id>`), on the ARS
 * (health) or the DREETS (social) side. Each row goes through the rules of awardProject
 * (checkAward); the call's envelope is checked against the whole file; all or nothing.
 */
import { mergeWriteChanges } from "../platform/cache/write-changes";
import { DataSource, EntityManager } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { requireRegionalBody } from "../platform/auth/policy";
import { badInput } from "../platform/errors";
import { GrantStatus } from "../domain/enums";
import { sumCents } from "../domain/money";
import { ImportColumn, RowReader } from "../platform/import/columns";
import { ImportDefinition } from "../platform/import/run";
import { readDepartmentCode } from "../platform/import/values";
import { CallRow } from "./call.entity";
import { LaureateProjectRow } from "./laureate-project.entity";
import { rowId } from "../domain/rules/formats";
import { CheckedAward, checkAward, duplicateLaureateMessage, envelopeExceededMessage } from "./rules";
import { lockCallForWrite } from "./call.repository";
import { awardedCents, insertLaureates, laureateKeysOfCall } from "./laureate.repository";
import { callKey } from "./write-changes";
import { CallSide, regionalBodyOf } from "./side";

export const LAUREATE_COLUMNS: readonly ImportColumn[] = [
  { field: "title", names: ["titre", "intitule", "projet", "intitule du projet"], required: true },
  { field: "siret", names: ["siret"], required: true },
  { field: "structureName", names: ["structure", "nom structure", "porteur", "structure porteuse"], required: true },
  { field: "departments", names: ["departements", "departement"], required: true },
  { field: "axes", names: ["axes"], required: true },
  { field: "amount", names: ["montant", "montant attribue", "montant euros"], required: true },
  { field: "projectRef", names: ["reference dossier", "reference", "dossier"] },
  { field: "description", names: ["description"] },
];

const keyOf = (siret: string, title: string) => `${siret}\u0000${title}`;

/** The import of the laureates of call `callId`, by the ARS or DREETS that runs it. */
export function laureateImport(ds: DataSource, side: CallSide, callId: string, actor: Actor): ImportDefinition<CheckedAward> {
  const body = regionalBodyOf(side);
  let call: CallRow | null = null;
  const theCall = () => {
    if (!call) throw new Error("Lignes lues avant prepare() : l'import lit ses lauréats une fois son appel verrouillé.");
    return call;
  };
  return {
    kind: "laureats",
    operation: `import${side.typePrefix}Projects`,
    entity: `${side.typePrefix}Project`,
    table: LaureateProjectRow,
    layouts: [
      {
        name: "lauréats",
        columns: LAUREATE_COLUMNS,
        read(row: RowReader) {
          const input = {
            title: row.text("title"),
            siret: row.text("siret"),
            structureName: row.text("structureName"),
            departments: row.list("departments").map(readDepartmentCode),
            axes: row.axes("axes"),
            amount: row.decimal("amount"),
            projectRef: row.optionalText("projectRef"),
            description: row.optionalText("description"),
          };
          return checkAward(theCall(), input, row.v);
        },
      },
    ],
    async prepare(m) {
      const id = rowId(callId);
      call = id === null ? null : await lockCallForWrite(ds, m, id);
      if (!call) throw badInput(`Appel à projets inconnu : « ${callId} » (option --appel).`, "callId");
      requireRegionalBody(actor, body, call.regionCode);
    },
    key: (a) => keyOf(a.siret, a.title),
    duplicateInFileMessage: (first) => `Ligne en double : même structure et même intitulé que la ligne ${first}.`,
    async existingKeys(m: EntityManager) {
      const rows = await laureateKeysOfCall(m, theCall());
      return new Map(rows.map((r) => [keyOf(r.siret, r.title), r.id]));
    },
    duplicateMessage: duplicateLaureateMessage,
    async fileRules(m, rows) {
      const awarded = await awardedCents(m, theCall());
      const adding = sumCents(rows.map((r) => r.value.amountCents));
      if (awarded + adding <= theCall().envelopeCents) return [];
      return [
        { line: null, column: null, rule: "ENVELOPE_EXCEEDED", message: envelopeExceededMessage(awarded, adding, theCall().envelopeCents) },
      ];
    },
    amountCents: (a) => a.amountCents,
    year: () => theCall().year,
    structure: (a) => ({ siret: a.siret, name: a.structureName }),
    changes: (awards) =>
      mergeWriteChanges([
        {
          regions: [theCall().regionCode],
          calls: [callKey(side, theCall())],
          years: [theCall().year],
          lists: ["laureates"],
        },
        ...awards.map((a) => ({ departments: a.departments, structures: [a.siret], projects: a.projectRef ? [a.projectRef] : [] })),
      ]),
    insert: (m, awards) =>
      insertLaureates(
        m,
        awards.map((award) => ({
          callId: theCall().id,
          year: theCall().year,
          ...award,
          status: GrantStatus.AWARDED,
          renewedFromId: null,
          evaluationSummary: null,
        })),
      ),
  };
}
