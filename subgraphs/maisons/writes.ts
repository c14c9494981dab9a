import { DataSource, EntityManager } from "typeorm";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Actor } from "../platform/auth/organisation";
import { requireNational } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { FundingSource } from "../domain/enums";
import { badInput } from "../platform/errors";
import { Violations } from "../domain/rules/violations";
import { rowId } from "../domain/rules/formats";
import { recordInDirectory } from "../platform/directory/client";
import { upsertStructureRows } from "../domain/structure.entity";
import { writeTransaction } from "../platform/db/write-transaction";
import { reportWriteChanges } from "../platform/cache/write-changes";
import {
  MaisonAssessmentRow,
  MaisonBudgetLineRow,
  MaisonCarrierRow,
  MaisonDecision,
  MaisonPhase,
  MaisonProjectRow,
} from "./maison.entities";
import { BUDGET_YEARS, checkCriteria, checkMaisonSheet, checkMaisonTerritory, labellingIncompleteMessage, requireSubmitter } from "./rules";
import { territoryDepartment } from "./loaders";

export { BUDGET_YEARS };

@InputType({ description: "Une structure porteuse." })
export class StructureInput {
  @Field(() => ID, { description: "SIRET." }) siret: string;
  @Field({ description: "Nom." }) name: string;
}

@InputType({ description: "Ligne du budget prévisionnel." })
export class BudgetLineInput {
  @Field(() => Int, { description: "Année : 2024 ou 2025." }) year: number;
  @Field(() => FundingSource, { description: "Source de financement." }) source: FundingSource;
  @Field(() => Float, { description: "Montant en euros (au plus deux décimales)." }) amount: number;
}

@InputType({ description: "Fiche projet d'une Maison des 1000 premiers jours (annexe 1) et son budget prévisionnel." })
export class MaisonProjectInput {
  @Field(() => ID, { description: "Territoire : code de la région d'outre-mer (01, 02, 03, 04, 06)." }) territory: string;
  @Field({ description: "Intitulé du projet." }) title: string;
  @Field(() => [StructureInput], { description: "Porteur(s), le porteur principal en premier." }) carriers: StructureInput[];
  @Field({ description: "Objectifs généraux et spécifiques." }) objectives: string;
  @Field({ description: "Actions prévues." }) actions: string;
  @Field({ description: "Gouvernance (pilotage et partenariats)." }) governance: string;
  @Field({ description: "Moyens humains, matériels et financiers." }) resources: string;
  @Field({ description: "Phasage et calendrier." }) phasing: string;
  @Field({ description: "Suivi et évaluation." }) evaluation: string;
  @Field(() => [BudgetLineInput], { description: "Budget prévisionnel 2024-2025, toutes sources." }) budget: BudgetLineInput[];
  @Field(() => ID, { nullable: true, description: "Référence du dossier cofinancé." }) projectRef?: string | null;
}

@InputType({ description: "Évaluation d'un critère de la grille (annexe 2)." })
export class CriterionInput {
  @Field({ description: "Code du critère (voir la requête labellingCriteria)." }) code: string;
  @Field({ description: "Oui / non." }) met: boolean;
}

async function findMaison(m: EntityManager, id: string): Promise<MaisonProjectRow> {
  const projectId = rowId(id);
  const row = projectId === null ? null : await m.getRepository(MaisonProjectRow).findOneBy({ id: projectId });
  if (!row) throw badInput(`Projet de Maison inconnu : « ${id} ».`, "id");
  return row;
}

/** What a write on a Maison changed (reported once committed): its territory, carriers, dossier and the labelling board. */
async function reportMaisonChanges(m: EntityManager, maison: MaisonProjectRow): Promise<() => MaisonProjectRow> {
  const carriers = await m.getRepository(MaisonCarrierRow).findBy({ projectId: maison.id });
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

export function maisonWrites(ds: DataSource) {
  return {
    async submit(actor: Actor | null, input: MaisonProjectInput): Promise<MaisonProjectRow> {
      const v = new Violations();
      if (!checkMaisonTerritory(input.territory, v)) v.throwIfAny();
      const who = requireSubmitter(actor, input.territory);
      const lines = checkMaisonSheet(input, v);
      v.throwIfAny();
      return (
        await writeTransaction(ds, async (m) => {
          const duplicate = await m
            .getRepository(MaisonProjectRow)
            .findOneBy({ territoryCode: input.territory, title: input.title.trim() });
          if (duplicate)
            throw badInput(`Ce projet de Maison est déjà soumis (identifiant ${duplicate.id}) : même territoire, même intitulé.`, "title");
          await upsertStructureRows(
            m,
            input.carriers.map((c) => ({ siret: c.siret, name: c.name.trim() })),
          );
          const maison = await m.save(
            m.create(MaisonProjectRow, {
              territoryCode: input.territory,
              title: input.title.trim(),
              objectives: input.objectives,
              actions: input.actions,
              governance: input.governance,
              resources: input.resources,
              phasing: input.phasing,
              evaluation: input.evaluation,
              decision: MaisonDecision.PENDING,
              phase: MaisonPhase.SUBMITTED,
              projectRef: input.projectRef ?? null,
            }),
          );
          await m.insert(
            MaisonCarrierRow,
            input.carriers.map((c, position) => ({ projectId: maison.id, siret: c.siret, position })),
          );
          await m.insert(
            MaisonBudgetLineRow,
            lines.map((l) => ({ projectId: maison.id, year: l.year, source: l.source, amountCents: v.valueOrThrow(l.cents) })),
          );
          await audit(m, who, "submitMaisonProject", "MaisonProject", maison.id, input);
          await recordInDirectory(who, input.carriers);
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
          const repo = m.getRepository(MaisonAssessmentRow);
          const before = await repo.findBy({ projectId: maison.id });
          for (const c of criteria) await repo.delete({ projectId: maison.id, criterionCode: c.code });
          await repo.insert(criteria.map((c) => ({ projectId: maison.id, criterionCode: c.code, met: c.met })));
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
            const refusal = labellingIncompleteMessage(await m.getRepository(MaisonAssessmentRow).countBy({ projectId: maison.id }));
            if (refusal) throw badInput(refusal, "decision");
          }
          const before = maison.decision;
          maison.decision = decision;
          if (decision === MaisonDecision.LABELLED && maison.phase === MaisonPhase.SUBMITTED) maison.phase = MaisonPhase.DIAGNOSIS;
          await m.save(maison);
          await audit(m, who, "decideMaisonProject", "MaisonProject", maison.id, { before, after: decision });
          return reportMaisonChanges(m, maison);
        })
      )();
    },
  };
}
