import { DataSource, EntityManager } from "typeorm";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Actor } from "../shared/auth/organisation";
import { forbidden, requireActor, requireNational } from "../shared/auth/policy";
import { audit } from "../shared/audit/audit";
import { FundingSource } from "../shared/enums";
import { badInput } from "../shared/errors";
import { Violations } from "../shared/rules/violations";
import { rowId, validProjectRef } from "../shared/rules/formats";
import { TEXT_LIMITS } from "../shared/rules/limits";
import { findRegion } from "../shared/reference/cog";
import { LABELLING_CRITERIA } from "../shared/reference/labelling-criteria";
import { recordInDirectory } from "../shared/directory/client";
import { upsertStructureRows } from "../shared/db/structure.entity";
import { writeTransaction } from "../shared/db/write-transaction";
import { reportWriteChanges } from "../shared/cache/write-changes";
import { MaisonAssessmentRow, MaisonBudgetLineRow, MaisonCarrierRow, MaisonDecision, MaisonPhase, MaisonProjectRow } from "./maison.entities";
import { territoryDepartment } from "./loaders";

/** The forecast budget covers 2024 and 2025 only (instruction of 25 October 2024). */
export const BUDGET_YEARS = [2024, 2025] as const;

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

const SHEET_FIELDS = [["objectives", "Les objectifs"], ["actions", "Les actions prévues"], ["governance", "La gouvernance"], ["resources", "Les moyens"], ["phasing", "Le phasage"], ["evaluation", "Le suivi et l'évaluation"]] as const;

/**
 * Who submits a Maison: the ARS of the territory, otherwise its DEETS or its CAF (instruction of
 * 25 October 2024). The national committee assesses and decides.
 */
function requireSubmitter(actor: Actor | null, territory: string): Actor {
  const who = requireActor(actor);
  const o = who.organisation;
  const allowed = ((o.kind === "ars" || o.kind === "dreets") && o.region === territory) || (o.kind === "caf" && o.department === territoryDepartment(territory));
  if (!allowed) throw forbidden(`Un projet de Maison est soumis par l'ARS, la DEETS ou la CAF du territoire ${territory} (jeton : ${o.id}).`);
  return who;
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
      regions: [maison.territoryCode], departments: [territoryDepartment(maison.territoryCode)], structures: carriers.map((c) => c.siret),
      projects: maison.projectRef ? [maison.projectRef] : [], years: [...BUDGET_YEARS], lists: ["maisons"],
    });
    return maison;
  };
}

export function maisonWrites(ds: DataSource) {
  return {
    async submit(actor: Actor | null, input: MaisonProjectInput): Promise<MaisonProjectRow> {
      const v = new Violations();
      const region = findRegion(input.territory);
      if (!v.check(!!region?.overseas, "territory", "MAISON_TERRITORY", `Les Maisons des 1000 premiers jours concernent les cinq territoires d'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte) ; « ${input.territory} » n'en est pas un.`)) v.throwIfAny();
      const who = requireSubmitter(actor, input.territory);
      v.text("title", input.title, "L'intitulé du projet");
      for (const [field, label] of SHEET_FIELDS) v.text(field, input[field], label, TEXT_LIMITS.sheet);
      if (v.check(input.carriers.length > 0, "carriers", "CARRIER_REQUIRED", "Au moins un porteur.")) {
        input.carriers.forEach((c, i) => { v.siret(`carriers[${i}].siret`, c.siret); v.text(`carriers[${i}].name`, c.name, "Le nom du porteur", TEXT_LIMITS.name); });
        v.check(new Set(input.carriers.map((c) => c.siret)).size === input.carriers.length, "carriers", "CARRIER_DUPLICATE", "Un porteur est indiqué deux fois.");
      }
      v.check(input.budget.length > 0, "budget", "BUDGET_REQUIRED", "Le budget prévisionnel 2024-2025 est obligatoire.");
      const lines = input.budget.map((line, i) => {
        v.check((BUDGET_YEARS as readonly number[]).includes(line.year), `budget[${i}].year`, "BUDGET_YEAR", "Les lignes du budget prévisionnel portent sur 2024 ou 2025.");
        return { ...line, cents: v.amount(`budget[${i}].amount`, line.amount) };
      });
      if (input.projectRef != null) v.check(validProjectRef(input.projectRef), "projectRef", "PROJECT_REF_FORMAT", "Référence de dossier : 1 à 64 caractères parmi lettres, chiffres, « - », « _ », « . ».");
      v.throwIfAny();
      return (await writeTransaction(ds, async (m) => {
        const duplicate = await m.getRepository(MaisonProjectRow).findOneBy({ territoryCode: input.territory, title: input.title.trim() });
        if (duplicate) throw badInput(`Ce projet de Maison est déjà soumis (identifiant ${duplicate.id}) : même territoire, même intitulé.`, "title");
        await upsertStructureRows(m, input.carriers.map((c) => ({ siret: c.siret, name: c.name.trim() })));
        const maison = await m.save(m.create(MaisonProjectRow, {
          territoryCode: input.territory, title: input.title.trim(), objectives: input.objectives, actions: input.actions, governance: input.governance,
          resources: input.resources, phasing: input.phasing, evaluation: input.evaluation, decision: MaisonDecision.PENDING, phase: MaisonPhase.SUBMITTED, projectRef: input.projectRef ?? null,
        }));
        await m.insert(MaisonCarrierRow, input.carriers.map((c, position) => ({ projectId: maison.id, siret: c.siret, position })));
        await m.insert(MaisonBudgetLineRow, lines.map((l) => ({ projectId: maison.id, year: l.year, source: l.source, amountCents: l.cents! })));
        await audit(m, who, "submitMaisonProject", "MaisonProject", maison.id, { ...input });
        await recordInDirectory(who, input.carriers);
        return reportMaisonChanges(m, maison);
      }))();
    },

    async assess(actor: Actor | null, id: string, criteria: CriterionInput[]): Promise<MaisonProjectRow> {
      const who = requireNational(actor);
      const v = new Violations();
      const known = new Set(LABELLING_CRITERIA.map((c) => c.code));
      const unknown = criteria.filter((c) => !known.has(c.code)).map((c) => c.code);
      v.check(unknown.length === 0, "criteria", "CRITERION_UNKNOWN", `Critère(s) inconnu(s) de la grille : ${unknown.join(", ")} (voir labellingCriteria).`);
      v.check(new Set(criteria.map((c) => c.code)).size === criteria.length, "criteria", "CRITERION_DUPLICATE", "Un critère est évalué deux fois.");
      v.check(criteria.length > 0, "criteria", "CRITERION_REQUIRED", "Au moins un critère.");
      v.throwIfAny();
      return (await writeTransaction(ds, async (m) => {
        const maison = await findMaison(m, id);
        const repo = m.getRepository(MaisonAssessmentRow);
        const before = await repo.findBy({ projectId: maison.id });
        for (const c of criteria) await repo.delete({ projectId: maison.id, criterionCode: c.code });
        await repo.insert(criteria.map((c) => ({ projectId: maison.id, criterionCode: c.code, met: c.met })));
        await audit(m, who, "assessMaisonProject", "MaisonProject", maison.id, { before: before.map((b) => ({ code: b.criterionCode, met: b.met })), after: criteria });
        return reportMaisonChanges(m, maison);
      }))();
    },

    async decide(actor: Actor | null, id: string, decision: MaisonDecision): Promise<MaisonProjectRow> {
      const who = requireNational(actor);
      return (await writeTransaction(ds, async (m) => {
        const maison = await findMaison(m, id);
        if (decision === MaisonDecision.LABELLED) {
          const assessed = await m.getRepository(MaisonAssessmentRow).countBy({ projectId: maison.id });
          if (assessed < LABELLING_CRITERIA.length) {
            throw badInput(`Un projet n'est labellisé qu'une fois les ${LABELLING_CRITERIA.length} critères de la grille évalués (${assessed} évalués).`, "decision");
          }
        }
        const before = maison.decision;
        maison.decision = decision;
        if (decision === MaisonDecision.LABELLED && maison.phase === MaisonPhase.SUBMITTED) maison.phase = MaisonPhase.DIAGNOSIS;
        await m.save(maison);
        await audit(m, who, "decideMaisonProject", "MaisonProject", maison.id, { before, after: decision });
        return reportMaisonChanges(m, maison);
      }))();
    },
  };
}
