/**
 * A conseil départemental's write rules (pure, tested beside, writes.test.ts): a known programme,
 * only the department's own council; the rules every funding line keeps come from the
 * funding-lines block.
 */
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Actor } from "../platform/auth/organisation";
import { Axis } from "../domain/enums";
import { Violations } from "../domain/rules/violations";
import { CheckedFundingLine } from "../funding-lines/funder";
import { checkFundingLine } from "../funding-lines/rules";
import { requireDepartmentBody } from "../funding-lines/access";
import { DepartmentalProgramme } from "./departmental-credit.entity";

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

/** A credit that passed every rule: what is written, and the key that makes it unique (its programme included). */
export type CheckedDepartmentalCredit = CheckedFundingLine<{ programme: DepartmentalProgramme }>;

export const DEPARTMENTAL_PROGRAMMES: readonly DepartmentalProgramme[] = Object.values(DepartmentalProgramme);

/** The rules of one credit: the shared ones, its programme right after the year. */
export function checkDepartmentalCredit(input: DepartmentalCreditInput, v: Violations): CheckedDepartmentalCredit | null {
  return checkFundingLine(input, v, {
    titleLabel: "L'objet du crédit",
    key: { programme: input.programme },
    own: () =>
      v.check(
        DEPARTMENTAL_PROGRAMMES.includes(input.programme),
        "programme",
        "PROGRAMME_UNKNOWN",
        `Cadre inconnu « ${input.programme} » : ${DEPARTMENTAL_PROGRAMMES.join(", ")}.`,
      ),
  });
}

export const departmentOnlyMessage = (department: string, who: Actor) =>
  `Seul le conseil départemental ${department} (cd:${department}) enregistre ses crédits (jeton : ${who.organisation.id}).`;

/** Only the conseil départemental writes its credits. */
export const requireDepartmentOf = (actor: Actor | null, department: string): Actor =>
  requireDepartmentBody(actor, "cd", department, departmentOnlyMessage);

export const duplicateCreditMessage = (id: number | string) =>
  `Ce crédit est déjà enregistré (identifiant ${id}) : même département, année, cadre, structure et objet.`;
