import { DataSource, EntityManager } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { requireRegionalBody } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { GrantStatus } from "../domain/enums";
import { badInput } from "../platform/errors";
import { Violations } from "../domain/rules/violations";
import { rowId } from "../domain/rules/formats";
import { TEXT_LIMITS } from "../domain/rules/limits";
import { StructureDirectory } from "../platform/directory/client";
import { upsertStructure } from "../domain/structure.entity";
import { writeTransaction } from "../platform/db/write-transaction";
import { LaureateProjectRow } from "./laureate-project.entity";
import { findCall, lockCallForWrite } from "./call.repository";
import {
  awardedCents,
  departmentsOfLaureate,
  findRenewal,
  findSameLaureate,
  insertLaureate,
  lockLaureateForWrite,
  saveLaureate,
} from "./laureate.repository";
import { AwardProjectInput } from "./inputs";
import { checkAward, duplicateLaureateMessage, envelopeExceededMessage } from "./rules";
import { CallSide, regionalBodyOf } from "./side";
import { laureateChanges, reported } from "./write-changes";

/**
 * The writes on the laureates of one side: award, evaluation, renewal, withdrawal. Each is one
 * transaction: the rules are checked, then the rows and the audit entry are written together, or nothing is.
 */
export function laureateWrites(ds: DataSource, directory: StructureDirectory, side: CallSide) {
  const body = regionalBodyOf(side);
  const P = side.typePrefix;
  /** The laureate written to, locked, and its call. */
  const findLaureate = async (m: EntityManager, id: string) => {
    const projectId = rowId(id);
    const row = projectId === null ? null : await lockLaureateForWrite(ds, m, projectId);
    if (!row) throw badInput(`Projet lauréat inconnu : « ${id} ».`, "id");
    const call = await findCall(m, row.callId);
    if (!call) throw new Error(`Appel ${row.callId} du projet lauréat ${row.id} introuvable (clé étrangère rompue).`);
    return { row, call };
  };

  return {
    async awardProject(actor: Actor | null, input: AwardProjectInput): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const callId = rowId(input.callId);
          const call = callId === null ? null : await lockCallForWrite(ds, m, callId);
          if (!call) throw badInput(`Appel à projets inconnu : « ${input.callId} ».`, "callId");
          const who = requireRegionalBody(actor, body, call.regionCode);
          const v = new Violations();
          const { structureName, departments, ...fields } = v.valueOrThrow(checkAward(call, input, v));
          const duplicate = await findSameLaureate(m, { callId: call.id, siret: fields.siret, title: fields.title, year: call.year });
          if (duplicate) throw badInput(duplicateLaureateMessage(duplicate.id), "title");
          const awarded = await awardedCents(m, call);
          if (awarded + fields.amountCents > call.envelopeCents)
            throw badInput(envelopeExceededMessage(awarded, fields.amountCents, call.envelopeCents), "amount");
          await upsertStructure(m, input.siret, structureName);
          const project = await insertLaureate(
            m,
            {
              callId: call.id,
              year: call.year,
              ...fields,
              structureName,
              status: GrantStatus.AWARDED,
              renewedFromId: null,
              evaluationSummary: null,
            },
            departments,
          );
          await audit(m, who, `award${P}Project`, `${P}Project`, project.id, input);
          await directory.record(who, [{ siret: input.siret, name: structureName }]);
          return { row: project, changes: laureateChanges(side, call, project, departments) };
        }),
      );
    },

    async recordEvaluation(actor: Actor | null, id: string, favourable: boolean, summary: string | null): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const { row, call } = await findLaureate(m, id);
          const who = requireRegionalBody(actor, body, call.regionCode);
          if (row.status === GrantStatus.WITHDRAWN) throw badInput("Un projet retiré ne peut pas être évalué.", "id");
          const v = new Violations();
          v.optionalText("summary", summary, "La synthèse de l'évaluation", TEXT_LIMITS.description);
          v.throwIfAny();
          const before = { status: row.status, evaluationFavourable: row.evaluationFavourable, evaluationSummary: row.evaluationSummary };
          Object.assign(row, {
            status: row.status === GrantStatus.RENEWED ? row.status : GrantStatus.EVALUATED,
            evaluationFavourable: favourable,
            evaluationSummary: summary ?? null,
          });
          await saveLaureate(m, row);
          await audit(m, who, `record${P}Evaluation`, `${P}Project`, row.id, {
            before,
            after: { status: row.status, evaluationFavourable: favourable, evaluationSummary: summary ?? null },
          });
          return { row, changes: laureateChanges(side, call, row, await departmentsOfLaureate(m, row.id)) };
        }),
      );
    },

    async renewProject(actor: Actor | null, id: string, year: number, amount: number): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const { row, call } = await findLaureate(m, id);
          const who = requireRegionalBody(actor, body, call.regionCode);
          const v = new Violations();
          v.year("year", year);
          v.check(year > row.year, "year", "RENEWAL_YEAR", `La reconduction porte sur une année postérieure à ${row.year}.`);
          v.check(
            row.evaluationFavourable === true,
            "id",
            "RENEWAL_NEEDS_FAVOURABLE_EVALUATION",
            "Reconduction seulement après une évaluation favorable du projet (instruction 2023).",
          );
          v.check(row.status !== GrantStatus.WITHDRAWN, "id", "RENEWAL_OF_WITHDRAWN", "Un projet retiré ne peut pas être reconduit.");
          const amountCents = v.valueOrThrow(v.amount("amount", amount));
          const existing = await findRenewal(m, row.id, year);
          if (existing) throw badInput(`Ce projet est déjà reconduit pour ${year} (identifiant ${existing.id}).`, "year");
          const departments = await departmentsOfLaureate(m, row.id);
          const renewal = await insertLaureate(
            m,
            {
              callId: row.callId,
              year,
              title: row.title,
              siret: row.siret,
              structureName: row.structureName,
              axes: row.axes,
              amountCents,
              status: GrantStatus.RENEWED,
              description: row.description,
              projectRef: row.projectRef,
              renewedFromId: row.id,
              evaluationSummary: null,
            },
            departments,
          );
          await audit(m, who, `renew${P}Project`, `${P}Project`, renewal.id, { renewedFrom: row.id, year, amount });
          return { row: renewal, changes: laureateChanges(side, call, renewal, departments) };
        }),
      );
    },

    async withdrawProject(actor: Actor | null, id: string, reason: string): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const { row, call } = await findLaureate(m, id);
          const who = requireRegionalBody(actor, body, call.regionCode);
          if (!reason.trim()) throw badInput("Le motif du retrait est obligatoire.", "reason");
          const v = new Violations();
          v.text("reason", reason, "Le motif du retrait", TEXT_LIMITS.description);
          v.throwIfAny();
          const before = row.status;
          row.status = GrantStatus.WITHDRAWN;
          await saveLaureate(m, row);
          await audit(m, who, `withdraw${P}Project`, `${P}Project`, row.id, { before, after: row.status, reason });
          return { row, changes: laureateChanges(side, call, row, await departmentsOfLaureate(m, row.id)) };
        }),
      );
    },
  };
}
