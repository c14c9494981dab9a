import { DataSource } from "typeorm";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Actor } from "../platform/auth/organisation";
import { forbidden, requireActor } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { Axis } from "../domain/enums";
import { Cents } from "../domain/money";
import { badInput } from "../platform/errors";
import { Violations } from "../domain/rules/violations";
import { validProjectRef } from "../domain/rules/formats";
import { TEXT_LIMITS } from "../domain/rules/limits";
import { upsertStructure } from "../domain/structure.entity";
import { recordInDirectory } from "../platform/directory/client";
import { writeTransaction } from "../platform/db/write-transaction";
import { reportWriteChanges } from "../platform/cache/write-changes";
import { DepartmentalCreditRow, DepartmentalProgramme } from "./departmental-credit.entity";

@InputType({ description: "Crédit départemental attribué à une structure." })
export class DepartmentalCreditInput {
  @Field(() => ID, { description: "Code INSEE du département." }) department: string;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field(() => DepartmentalProgramme, {
    description: "Cadre du crédit (PMI, contractualisation prévention et protection de l'enfance, cofinancement).",
  })
  programme: DepartmentalProgramme;
  @Field(() => ID, { description: "SIRET de la structure bénéficiaire." }) siret: string;
  @Field({ description: "Nom de la structure bénéficiaire." }) structureName: string;
  @Field({ description: "Objet du crédit." }) title: string;
  @Field(() => Float, { description: "Montant en euros (au plus deux décimales)." }) amount: number;
  @Field(() => [Axis], { nullable: true, description: "Axes thématiques concernés." }) axes?: Axis[] | null;
  @Field(() => ID, { nullable: true, description: "Référence du dossier cofinancé (une Maison, un lauréat d'appel à projets…)." })
  projectRef?: string | null;
}

/** A credit that passed every rule: what is written, and the key that makes it unique. */
export interface CheckedDepartmentalCredit {
  key: { departmentCode: string; year: number; programme: DepartmentalProgramme; siret: string; title: string };
  structureName: string;
  amountCents: Cents;
  axes: Axis[];
  projectRef: string | null;
}

export const DEPARTMENTAL_PROGRAMMES: readonly DepartmentalProgramme[] = Object.values(DepartmentalProgramme);

/**
 * The rules of one credit, without the database (shared by the mutation and the CSV import): every
 * broken rule goes to `v`; the credit to write when none broke.
 */
export function checkDepartmentalCredit(input: DepartmentalCreditInput, v: Violations): CheckedDepartmentalCredit | null {
  v.department("department", input.department);
  v.year("year", input.year);
  v.check(
    DEPARTMENTAL_PROGRAMMES.includes(input.programme),
    "programme",
    "PROGRAMME_UNKNOWN",
    `Cadre inconnu « ${input.programme} » : ${DEPARTMENTAL_PROGRAMMES.join(", ")}.`,
  );
  v.siret("siret", input.siret);
  v.text("structureName", input.structureName, "Le nom de la structure", TEXT_LIMITS.name);
  v.text("title", input.title, "L'objet du crédit");
  const cents = v.amount("amount", input.amount);
  if (input.axes?.length) v.axes("axes", input.axes);
  if (input.projectRef != null)
    v.check(
      validProjectRef(input.projectRef),
      "projectRef",
      "PROJECT_REF_FORMAT",
      "Référence de dossier : 1 à 64 caractères parmi lettres, chiffres, « - », « _ », « . ».",
    );
  if (!v.empty || cents === null) return null;
  return {
    key: { departmentCode: input.department, year: input.year, programme: input.programme, siret: input.siret, title: input.title.trim() },
    structureName: input.structureName.trim(),
    amountCents: cents,
    axes: input.axes ?? [],
    projectRef: input.projectRef ?? null,
  };
}

/** Only the conseil départemental writes its credits. */
export function requireDepartmentOf(actor: Actor | null, department: string): Actor {
  const who = requireActor(actor);
  if (who.organisation.kind !== "cd" || who.organisation.department !== department) throw forbidden(departmentOnlyMessage(department, who));
  return who;
}
export const departmentOnlyMessage = (department: string, who: Actor) =>
  `Seul le conseil départemental ${department} (cd:${department}) enregistre ses crédits (jeton : ${who.organisation.id}).`;

export const duplicateCreditMessage = (id: number | string) =>
  `Ce crédit est déjà enregistré (identifiant ${id}) : même département, année, cadre, structure et objet.`;

/** Records a departmental credit with its audit entry, in one transaction. Only `cd:<department>` may. */
export async function recordDepartmentalCredit(
  ds: DataSource,
  actor: Actor | null,
  input: DepartmentalCreditInput,
): Promise<DepartmentalCreditRow> {
  const v = new Violations();
  if (!v.department("department", input.department)) v.throwIfAny();
  const who = requireDepartmentOf(actor, input.department);
  const { key, structureName, ...rest } = v.valueOrThrow(checkDepartmentalCredit(input, v));
  const written = await writeTransaction(ds, async (m) => {
    const duplicate = await m.getRepository(DepartmentalCreditRow).findOneBy(key);
    if (duplicate) throw badInput(duplicateCreditMessage(duplicate.id), "title");
    await upsertStructure(m, input.siret, structureName);
    const credit = await m.save(m.create(DepartmentalCreditRow, { ...key, ...rest }));
    await audit(m, who, "recordDepartmentalCredit", "DepartmentalCredit", credit.id, input);
    await recordInDirectory(who, [{ siret: input.siret, name: structureName }]);
    return credit;
  });
  reportWriteChanges({
    departments: [key.departmentCode],
    structures: [input.siret],
    projects: written.projectRef ? [written.projectRef] : [],
    years: [key.year],
  });
  return written;
}
