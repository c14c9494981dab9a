import { DataSource, EntityManager } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { requireRegionalBody } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { Axis, COUNTED_STATUSES, GrantStatus } from "../domain/enums";
import { Cents, centsToEuros, sumCents } from "../domain/money";
import { badInput } from "../platform/errors";
import { departmentsOf, findDepartment } from "../domain/reference/cog";
import { formatEuros, Violations } from "../domain/rules/violations";
import { minimumAwardCents } from "../domain/reference/instructions";
import { isIsoDate, rowId, validProjectRef } from "../domain/rules/formats";
import { TEXT_LIMITS } from "../domain/rules/limits";
import { upsertStructure } from "../domain/structure.entity";
import { recordInDirectory } from "../platform/directory/client";
import { writeTransaction } from "../platform/db/write-transaction";
import { reportWriteChanges, WriteChanges } from "../platform/cache/write-changes";
import { CallRow } from "./call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "./laureate-project.entity";
import { AwardProjectInput, OpenCallInput } from "./inputs";
import { CallSide } from "./side";

/** A laureate that passed every rule of its call: what is written. */
export interface CheckedAward {
  title: string;
  siret: string;
  structureName: string;
  departments: string[];
  axes: Axis[];
  amountCents: Cents;
  projectRef: string | null;
  description: string | null;
}

/**
 * The rules of one laureate of a call, without the database (shared by the mutation and the CSV
 * import): every broken rule goes to `v`; the laureate to write when none broke.
 */
export function checkAward(
  call: Pick<CallRow, "regionCode" | "axes">,
  input: Omit<AwardProjectInput, "callId">,
  v: Violations,
): CheckedAward | null {
  v.text("title", input.title, "L'intitulé du projet");
  v.text("structureName", input.structureName, "Le nom de la structure porteuse", TEXT_LIMITS.name);
  v.optionalText("description", input.description, "La description du projet", TEXT_LIMITS.description);
  v.siret("siret", input.siret);
  v.axes("axes", input.axes, call.axes);
  const amountCents = v.amount("amount", input.amount);
  if (v.check(input.departments.length > 0, "departments", "DEPARTMENT_REQUIRED", "Au moins un département où le projet se déroule.")) {
    const unknown = input.departments.filter((d) => !findDepartment(d));
    if (unknown.length > 0) v.add("departments", "DEPARTMENT_UNKNOWN", `Code(s) département inconnu(s) du COG : ${unknown.join(", ")}.`);
    const inRegion = departmentsOf(call.regionCode).map((d) => d.code);
    const outside = input.departments.filter((d) => !inRegion.includes(d) && !unknown.includes(d));
    v.check(
      outside.length === 0,
      "departments",
      "EXTRA_REGIONAL_PROJECT",
      `Les projets de portée extrarégionale sont exclus : département(s) ${outside.join(", ")} hors de la région ${call.regionCode}.`,
    );
    v.check(
      new Set(input.departments).size === input.departments.length,
      "departments",
      "DEPARTMENT_DUPLICATE",
      "Un département est indiqué deux fois.",
    );
  }
  if (input.projectRef != null)
    v.check(
      validProjectRef(input.projectRef),
      "projectRef",
      "PROJECT_REF_FORMAT",
      "Référence de dossier : 1 à 64 caractères parmi lettres, chiffres, « - », « _ », « . ».",
    );
  if (!v.empty || amountCents === null) return null;
  return {
    title: input.title.trim(),
    siret: input.siret,
    structureName: input.structureName.trim(),
    departments: input.departments,
    axes: input.axes,
    amountCents,
    projectRef: input.projectRef ?? null,
    description: input.description ?? null,
  };
}

/**
 * Two rules of the 2021 instruction (seed 000, §3) on a call being opened. Its envelope allows the
 * minimum award: "au moins 100 000 € au(x) projet(s) lauréat(s) – 200 000 € en cas d'appels à projets
 * communs ARS-DREETS", each ARS and DREETS bringing its own envelope (pooled for a joint call): so
 * one side's envelope holds at least 100 000 €, joint or not, and the two sides of a joint call
 * together at least 200 000 €. Its results are not due before its submission deadline.
 */
export function checkCallCalendarAndEnvelope(
  input: Pick<OpenCallInput, "joint" | "deadline" | "resultsDue">,
  envelopeCents: Cents | null,
  datesReadable: boolean,
  v: Violations,
): void {
  const minimum = minimumAwardCents(false);
  if (envelopeCents !== null) {
    v.check(
      envelopeCents >= minimum,
      "envelope",
      "ENVELOPE_BELOW_MINIMUM_AWARD",
      `L'enveloppe d'un appel à projets permet la dotation d'au moins ${formatEuros(minimum)} € aux lauréats (instruction SGMCAS/2021/74)${input.joint ? " ; un appel commun ARS-DREETS réunit deux enveloppes d'au moins 100 000 € chacune, 200 000 € au moins" : ""}.`,
    );
  }
  if (datesReadable && input.deadline && input.resultsDue) {
    v.check(
      input.resultsDue >= input.deadline,
      "resultsDue",
      "RESULTS_BEFORE_DEADLINE",
      `La date prévisionnelle des résultats (${input.resultsDue}) ne peut précéder la date limite de dépôt des projets (${input.deadline}).`,
    );
  }
}

/** Reads a call and, on PostgreSQL, locks it until the transaction ends (its envelope is checked against concurrent awards). */
export const lockCallForWrite = (ds: DataSource, m: EntityManager, id: number) =>
  ds.options.type === "postgres"
    ? m.getRepository(CallRow).createQueryBuilder("c").setLock("pessimistic_write").where("c.id = :id", { id }).getOne()
    : m.getRepository(CallRow).findOneBy({ id });

/** What a call has awarded so far (withdrawn projects no longer count). */
export async function awardedCents(m: EntityManager, call: Pick<CallRow, "id" | "year">): Promise<Cents> {
  const projects = await m.getRepository(LaureateProjectRow).findBy({ callId: call.id, year: call.year });
  return sumCents(projects.filter((p) => COUNTED_STATUSES.includes(p.status)).map((p) => p.amountCents));
}

export const envelopeExceededMessage = (awarded: Cents, adding: Cents, envelope: Cents) =>
  `Les attributions dépasseraient l'enveloppe de l'appel : ${centsToEuros(awarded)} € déjà attribués + ${centsToEuros(adding)} € > ${centsToEuros(envelope)} €.`;

export const duplicateLaureateMessage = (id: number | string) =>
  `Ce projet est déjà lauréat de cet appel (identifiant ${id}) : même structure, même intitulé.`;

/**
 * The writes of one side of the regional calls. Each is one transaction: the rules are checked,
 * then the rows and the audit entry are written together, or nothing is.
 */
export function regionalCallWrites(ds: DataSource, side: CallSide) {
  const body = side.body === "ARS" ? "ars" : "dreets";
  const lockCall = (m: EntityManager, id: number) => lockCallForWrite(ds, m, id);
  const findProject = async (m: EntityManager, id: string) => {
    // Locked on PostgreSQL like its call: an evaluation, a renewal and a withdrawal of one project do not interleave.
    const projectId = rowId(id);
    const row =
      projectId === null
        ? null
        : await (ds.options.type === "postgres"
            ? m
                .getRepository(LaureateProjectRow)
                .createQueryBuilder("p")
                .setLock("pessimistic_write")
                .where("p.id = :id", { id: projectId })
                .getOne()
            : m.getRepository(LaureateProjectRow).findOneBy({ id: projectId }));
    if (!row) throw badInput(`Projet lauréat inconnu : « ${id} ».`, "id");
    const call = await m.getRepository(CallRow).findOneBy({ id: row.callId });
    if (!call) throw new Error(`Appel ${row.callId} du projet lauréat ${row.id} introuvable (clé étrangère rompue).`);
    return { row, call };
  };

  const callKey = (call: Pick<CallRow, "id">) => `${side.typePrefix.toLowerCase()}:${call.id}`;
  /** What a write on a laureate changed: its call, region, departments, structure, dossier and the national lists of its year. */
  const laureateChanges = (call: CallRow, project: LaureateProjectRow, departments: readonly string[]): WriteChanges => ({
    regions: [call.regionCode],
    departments: [...departments],
    structures: [project.siret],
    projects: project.projectRef ? [project.projectRef] : [],
    calls: [callKey(call)],
    years: [project.year],
    lists: ["laureates"],
  });
  const departmentsOfProject = async (m: EntityManager, projectId: number) =>
    (await m.getRepository(LaureateProjectDepartmentRow).findBy({ projectId })).map((d) => d.departmentCode);
  /** Runs a write and reports what it changed once committed. */
  const reported = async <T>(write: Promise<{ row: T; changes: WriteChanges }>): Promise<T> => {
    const { row, changes } = await write;
    reportWriteChanges(changes);
    return row;
  };

  return {
    async openCall(actor: Actor | null, input: OpenCallInput): Promise<CallRow> {
      const v = new Violations();
      if (!v.region("region", input.region)) v.throwIfAny();
      const who = requireRegionalBody(actor, body, input.region);
      v.year("year", input.year);
      v.text("title", input.title, "L'intitulé de l'appel");
      v.axes("axes", input.axes);
      const envelopeCents = v.amount("envelope", input.envelope);
      const dates = (["deadline", "resultsDue"] as const).map((field) => {
        const value = input[field];
        return value == null || v.check(isIsoDate(value), field, "DATE_FORMAT", "Date attendue au format AAAA-MM-JJ.");
      });
      checkCallCalendarAndEnvelope(input, envelopeCents, dates.every(Boolean), v);
      const envelope = v.valueOrThrow(envelopeCents);
      return reported(
        writeTransaction(ds, async (m) => {
          const duplicate = await m
            .getRepository(CallRow)
            .findOneBy({ regionCode: input.region, year: input.year, title: input.title.trim() });
          if (duplicate)
            throw badInput(
              `Cet appel à projets existe déjà (identifiant ${duplicate.id}) : même région, même année, même intitulé.`,
              "title",
            );
          const call = await m.save(
            m.create(CallRow, {
              regionCode: input.region,
              year: input.year,
              title: input.title.trim(),
              axes: input.axes,
              joint: input.joint,
              envelopeCents: envelope,
              deadline: input.deadline ?? null,
              resultsDue: input.resultsDue ?? null,
            }),
          );
          await audit(m, who, `open${side.typePrefix}Call`, `${side.typePrefix}Call`, call.id, input);
          return { row: call, changes: { regions: [call.regionCode], calls: [callKey(call)], years: [call.year] } };
        }),
      );
    },

    async awardProject(actor: Actor | null, input: AwardProjectInput): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const callId = rowId(input.callId);
          const call = callId === null ? null : await lockCall(m, callId);
          if (!call) throw badInput(`Appel à projets inconnu : « ${input.callId} ».`, "callId");
          const who = requireRegionalBody(actor, body, call.regionCode);
          const v = new Violations();
          const { structureName, departments, ...fields } = v.valueOrThrow(checkAward(call, input, v));
          const projects = m.getRepository(LaureateProjectRow);
          const duplicate = await projects.findOneBy({ callId: call.id, siret: fields.siret, title: fields.title, year: call.year });
          if (duplicate) throw badInput(duplicateLaureateMessage(duplicate.id), "title");
          const awarded = await awardedCents(m, call);
          if (awarded + fields.amountCents > call.envelopeCents)
            throw badInput(envelopeExceededMessage(awarded, fields.amountCents, call.envelopeCents), "amount");
          await upsertStructure(m, input.siret, structureName);
          const project = await m.save(
            m.create(LaureateProjectRow, {
              callId: call.id,
              year: call.year,
              ...fields,
              structureName,
              status: GrantStatus.AWARDED,
              renewedFromId: null,
              evaluationSummary: null,
            }),
          );
          await m.insert(
            LaureateProjectDepartmentRow,
            departments.map((departmentCode) => ({ projectId: project.id, departmentCode })),
          );
          await audit(m, who, `award${side.typePrefix}Project`, `${side.typePrefix}Project`, project.id, input);
          await recordInDirectory(who, [{ siret: input.siret, name: structureName }]);
          return { row: project, changes: laureateChanges(call, project, departments) };
        }),
      );
    },

    async recordEvaluation(actor: Actor | null, id: string, favourable: boolean, summary: string | null): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const { row, call } = await findProject(m, id);
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
          await m.save(row);
          await audit(m, who, `record${side.typePrefix}Evaluation`, `${side.typePrefix}Project`, row.id, {
            before,
            after: { status: row.status, evaluationFavourable: favourable, evaluationSummary: summary ?? null },
          });
          return { row, changes: laureateChanges(call, row, await departmentsOfProject(m, row.id)) };
        }),
      );
    },

    async renewProject(actor: Actor | null, id: string, year: number, amount: number): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const { row, call } = await findProject(m, id);
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
          const existing = await m.getRepository(LaureateProjectRow).findOneBy({ renewedFromId: row.id, year });
          if (existing) throw badInput(`Ce projet est déjà reconduit pour ${year} (identifiant ${existing.id}).`, "year");
          const renewal = await m.save(
            m.create(LaureateProjectRow, {
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
            }),
          );
          const departments = await m.getRepository(LaureateProjectDepartmentRow).findBy({ projectId: row.id });
          await m.insert(
            LaureateProjectDepartmentRow,
            departments.map((d) => ({ projectId: renewal.id, departmentCode: d.departmentCode })),
          );
          await audit(m, who, `renew${side.typePrefix}Project`, `${side.typePrefix}Project`, renewal.id, {
            renewedFrom: row.id,
            year,
            amount,
          });
          return {
            row: renewal,
            changes: laureateChanges(
              call,
              renewal,
              departments.map((d) => d.departmentCode),
            ),
          };
        }),
      );
    },

    async withdrawProject(actor: Actor | null, id: string, reason: string): Promise<LaureateProjectRow> {
      return reported(
        writeTransaction(ds, async (m) => {
          const { row, call } = await findProject(m, id);
          const who = requireRegionalBody(actor, body, call.regionCode);
          if (!reason.trim()) throw badInput("Le motif du retrait est obligatoire.", "reason");
          const v = new Violations();
          v.text("reason", reason, "Le motif du retrait", TEXT_LIMITS.description);
          v.throwIfAny();
          const before = row.status;
          row.status = GrantStatus.WITHDRAWN;
          await m.save(row);
          await audit(m, who, `withdraw${side.typePrefix}Project`, `${side.typePrefix}Project`, row.id, {
            before,
            after: row.status,
            reason,
          });
          return { row, changes: laureateChanges(call, row, await departmentsOfProject(m, row.id)) };
        }),
      );
    },
  };
}
