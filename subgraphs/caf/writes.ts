/**
 * The CAF's write rules (pure, tested beside, writes.test.ts): only the CAF's funds, only the CAF
 * of the grant's department; the rules every funding line keeps come from the funding-lines block.
 */
// the input's type-graphql decorators read design types: loaded here for a test that imports only the rules
import "reflect-metadata";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Actor } from "../platform/auth/organisation";
import { Axis, FundingSource } from "../domain/enums";
import { Violations } from "../domain/rules/violations";
import { CheckedFundingLine } from "../funding-lines/funder";
import { checkFundingLine } from "../funding-lines/rules";
import { requireDepartmentBody } from "../funding-lines/access";

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

/** A grant that passed every rule: what is written, and the key that makes it unique (its fund included). */
export type CheckedParentalityGrant = CheckedFundingLine<{ fund: FundingSource }>;

/** The rules of one grant: the shared ones, the fund a CAF's right after the year. */
export function checkParentalityGrant(input: ParentalityGrantInput, v: Violations): CheckedParentalityGrant | null {
  return checkFundingLine(input, v, {
    titleLabel: "L'objet de la subvention",
    key: { fund: input.fund },
    own: () =>
      v.check(
        CAF_FUNDS.includes(input.fund),
        "fund",
        "FUND_NOT_CAF",
        `Le fonds ${input.fund} n'est pas un fonds de la CAF : FIR et P304 restent aux ARS et DREETS (enveloppes distinctes et non fongibles).`,
      ),
  });
}

export const cafOnlyMessage = (department: string, who: Actor) =>
  `Seule la CAF du département ${department} (caf:${department}) enregistre ses subventions (jeton : ${who.organisation.id}).`;

/** Only the CAF of the department writes its grants. */
export const requireCafOf = (actor: Actor | null, department: string): Actor =>
  requireDepartmentBody(actor, "caf", department, cafOnlyMessage);

export const duplicateGrantMessage = (id: number | string) =>
  `Cette subvention est déjà enregistrée (identifiant ${id}) : même CAF, année, fonds, structure et objet.`;
