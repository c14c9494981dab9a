import { DataSource } from "typeorm";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Actor } from "../platform/auth/organisation";
import { forbidden, requireActor } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { Axis, FundingSource } from "../domain/enums";
import { Cents } from "../domain/money";
import { badInput } from "../platform/errors";
import { Violations } from "../domain/rules/violations";
import { validProjectRef } from "../domain/rules/formats";
import { TEXT_LIMITS } from "../domain/rules/limits";
import { upsertStructure } from "../domain/structure.entity";
import { recordInDirectory } from "../platform/directory/client";
import { writeTransaction } from "../platform/db/write-transaction";
import { reportWriteChanges } from "../platform/cache/write-changes";
import { ParentalityGrantRow } from "./parentality-grant.entity";

/** The funds a CAF grants from; FIR and P304 are the ARS's and the DREETS's, never the CAF's. */
export const CAF_FUNDS: readonly FundingSource[] = [
  FundingSource.CAF_FNP,
  FundingSource.CAF_REAAP,
  FundingSource.CAF_LAEP,
  FundingSource.CAF_FPT,
  FundingSource.FIPE,
];

@InputType({ description: "Subvention d'une CAF à une structure." })
export class ParentalityGrantInput {
  @Field(() => ID, { description: "Code INSEE du département de la CAF." }) department: string;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field(() => FundingSource, { description: "Fonds de la CAF (CAF_FNP, CAF_REAAP, CAF_LAEP, CAF_FPT, FIPE)." }) fund: FundingSource;
  @Field(() => ID, { description: "SIRET de la structure bénéficiaire." }) siret: string;
  @Field({ description: "Nom de la structure bénéficiaire." }) structureName: string;
  @Field({ description: "Objet de la subvention." }) title: string;
  @Field(() => Float, { description: "Montant en euros (au plus deux décimales)." }) amount: number;
  @Field(() => [Axis], { nullable: true, description: "Axes thématiques concernés." }) axes?: Axis[] | null;
  @Field(() => ID, { nullable: true, description: "Référence du dossier cofinancé." }) projectRef?: string | null;
}

/** A grant that passed every rule: what is written, and the key that makes it unique. */
export interface CheckedParentalityGrant {
  key: { departmentCode: string; year: number; fund: FundingSource; siret: string; title: string };
  structureName: string;
  amountCents: Cents;
  axes: Axis[];
  projectRef: string | null;
}

/**
 * The rules of one grant, without the database (shared by the mutation and the CSV import): every
 * broken rule goes to `v`; the grant to write when none broke.
 */
export function checkParentalityGrant(input: ParentalityGrantInput, v: Violations): CheckedParentalityGrant | null {
  v.department("department", input.department);
  v.year("year", input.year);
  v.check(
    CAF_FUNDS.includes(input.fund),
    "fund",
    "FUND_NOT_CAF",
    `Le fonds ${input.fund} n'est pas un fonds de la CAF : FIR et P304 restent aux ARS et DREETS (enveloppes distinctes et non fongibles).`,
  );
  v.siret("siret", input.siret);
  v.text("structureName", input.structureName, "Le nom de la structure", TEXT_LIMITS.name);
  v.text("title", input.title, "L'objet de la subvention");
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
    key: { departmentCode: input.department, year: input.year, fund: input.fund, siret: input.siret, title: input.title.trim() },
    structureName: input.structureName.trim(),
    amountCents: cents,
    axes: input.axes ?? [],
    projectRef: input.projectRef ?? null,
  };
}

/** Only the CAF of the department writes its grants. */
export function requireCafOf(actor: Actor | null, department: string): Actor {
  const who = requireActor(actor);
  if (who.organisation.kind !== "caf" || who.organisation.department !== department) throw forbidden(cafOnlyMessage(department, who));
  return who;
}
export const cafOnlyMessage = (department: string, who: Actor) =>
  `Seule la CAF du département ${department} (caf:${department}) enregistre ses subventions (jeton : ${who.organisation.id}).`;

export const duplicateGrantMessage = (id: number | string) =>
  `Cette subvention est déjà enregistrée (identifiant ${id}) : même CAF, année, fonds, structure et objet.`;

/** Records a grant, in one transaction with its audit entry. Only `caf:<department>` may. */
export async function recordParentalityGrant(
  ds: DataSource,
  actor: Actor | null,
  input: ParentalityGrantInput,
): Promise<ParentalityGrantRow> {
  const v = new Violations();
  if (!v.department("department", input.department)) v.throwIfAny();
  const who = requireCafOf(actor, input.department);
  const { key, structureName, ...rest } = v.valueOrThrow(checkParentalityGrant(input, v));
  const written = await writeTransaction(ds, async (m) => {
    const duplicate = await m.getRepository(ParentalityGrantRow).findOneBy(key);
    if (duplicate) throw badInput(duplicateGrantMessage(duplicate.id), "title");
    await upsertStructure(m, input.siret, structureName);
    const grant = await m.save(m.create(ParentalityGrantRow, { ...key, ...rest }));
    await audit(m, who, "recordParentalityGrant", "ParentalityGrant", grant.id, input);
    await recordInDirectory(who, [{ siret: input.siret, name: structureName }]);
    return grant;
  });
  reportWriteChanges({
    departments: [key.departmentCode],
    structures: [key.siret],
    projects: rest.projectRef ? [rest.projectRef] : [],
    years: [key.year],
  });
  return written;
}
