import { DataSource, EntityManager } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { requireNational } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { badInput } from "../platform/errors";
import { Violations } from "../domain/rules/violations";
import { rowId } from "../domain/rules/formats";
import { StructureDirectory } from "../platform/directory/client";
import { upsertStructureRows } from "../domain/structure.entity";
import { writeTransaction } from "../platform/db/write-transaction";
import { reportWriteChanges } from "../platform/cache/write-changes";
import { MaisonDecision, MaisonPhase, MaisonProjectRow } from "./maison.entities";
import { CriterionInput, MaisonProjectInput } from "./inputs";
import {
  carriersOf,
  countAssessments,
  findMaison as findMaisonRow,
  findSameMaison,
  insertMaison,
  replaceAssessments,
  saveMaison,
} from "./maison.repository";
import { BUDGET_YEARS, checkCriteria, checkMaisonSheet, checkMaisonTerritory, labellingIncompleteMessage, requireSubmitter } from "./rules";
import { territoryDepartment } from "./loaders";

async function findMaison(m: EntityManager, id: string): Promise<MaisonProjectRow> {
  const projectId = rowId(id);
  const row = projectId === null ? null : await findMaisonRow(m, projectId);
  if (!row) throw badInput(`Projet de Maison inconnu : « ${id} ».`, "id");
  return row;
}

/** What a write on a Maison changed (reported once committed): its territory, carriers, dossier and the labelling board. */
async function reportMaisonChanges(m: EntityManager, maison: MaisonProjectRow): Promise<() => MaisonProjectRow> {
  const carriers = await carriersOf(m, maison.id);
  return () => {
    reportWriteChanges({
      regions: [maison.territoryCode],
      departments: [territoryDepartment(maison.territoryCode)],
      structures: carriers.map((c) => c.siret),
      projects: maison.projectRef ? [maison.projectRef] : [],
      years: [...BUDGET_YEARS],
      lists: ["maisons"],
    });
    return maison;
  };
}

export function maisonWrites(ds: DataSource, directory: StructureDirectory) {
  return {
    async submit(actor: Actor | null, input: MaisonProjectInput): Promise<MaisonProjectRow> {
      const v = new Violations();
      if (!checkMaisonTerritory(input.territory, v)) v.throwIfAny();
      const who = requireSubmitter(actor, input.territory);
      const lines = checkMaisonSheet(input, v);
      v.throwIfAny();
      return (
        await writeTransaction(ds, async (m) => {
          const duplicate = await findSameMaison(m, input.territory, input.title.trim());
          if (duplicate)
            throw badInput(`Ce projet de Maison est déjà soumis (identifiant ${duplicate.id}) : même territoire, même intitulé.`, "title");
          await upsertStructureRows(
            m,
            input.carriers.map((c) => ({ siret: c.siret, name: c.name.trim() })),
          );
          const maison = await insertMaison(
            m,
            input,
            lines.map((l) => ({ year: l.year, source: l.source, amountCents: v.valueOrThrow(l.cents) })),
          );
          await audit(m, who, "submitMaisonProject", "MaisonProject", maison.id, input);
          await directory.record(who, input.carriers);
          return reportMaisonChanges(m, maison);
        })
      )();
    },

    async assess(actor: Actor | null, id: string, criteria: CriterionInput[]): Promise<MaisonProjectRow> {
      const who = requireNational(actor);
      const v = new Violations();
      checkCriteria(criteria, v);
      v.throwIfAny();
      return (
        await writeTransaction(ds, async (m) => {
          const maison = await findMaison(m, id);
          const before = await replaceAssessments(m, maison.id, criteria);
          await audit(m, who, "assessMaisonProject", "MaisonProject", maison.id, {
            before: before.map((b) => ({ code: b.criterionCode, met: b.met })),
            after: criteria,
          });
          return reportMaisonChanges(m, maison);
        })
      )();
    },

    async decide(actor: Actor | null, id: string, decision: MaisonDecision): Promise<MaisonProjectRow> {
      const who = requireNational(actor);
      return (
        await writeTransaction(ds, async (m) => {
          const maison = await findMaison(m, id);
          if (decision === MaisonDecision.LABELLED) {
            const refusal = labellingIncompleteMessage(await countAssessments(m, maison.id));
            if (refusal) throw badInput(refusal, "decision");
          }
          const before = maison.decision;
          maison.decision = decision;
          if (decision === MaisonDecision.LABELLED && maison.phase === MaisonPhase.SUBMITTED) maison.phase = MaisonPhase.DIAGNOSIS;
          await saveMaison(m, maison);
          await audit(m, who, "decideMaisonProject", "MaisonProject", maison.id, { before, after: decision });
          return reportMaisonChanges(m, maison);
        })
      )();
    },
  };
}
