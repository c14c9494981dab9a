import { Names } from "./names";

/** The access rule of the write, for the organisation kind given by --org. */
function accessCheck(n: Names): { imports: string[]; code: string } {
  if (n.scope === "department") {
    return {
      imports: ["forbidden", "requireActor"],
      code: `  const who = requireActor(actor);
  if (who.organisation.kind !== "${n.org}" || who.organisation.department !== input.department) {
    throw forbidden(\`Seule l'organisation ${n.org}:\${input.department} enregistre ces financements (jeton : \${who.organisation.id}).\`);
  }`,
    };
  }
  if (n.scope === "region") {
    return {
      imports: ["requireRegionalBody"],
      code: `  const who = requireRegionalBody(actor, "${n.org}", findDepartment(input.department)!.regionCode);`,
    };
  }
  return { imports: ["requireNational"], code: "  const who = requireNational(actor);" };
}

/** `subgraphs/<name>/writes.ts`: the input type and the write, with the shared rules, access and audit. */
export function writesTemplate(n: Names): string {
  const access = accessCheck(n);
  const cog = n.scope === "region" ? `import { findDepartment } from "../domain/reference/cog";\n` : "";
  return `import { DataSource } from "typeorm";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Actor } from "../platform/auth/organisation";
import { ${access.imports.join(", ")} } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { badInput } from "../platform/errors";
import { Violations } from "../domain/rules/violations";
import { validProjectRef } from "../domain/rules/formats";
import { TEXT_LIMITS } from "../domain/rules/limits";
import { upsertStructure } from "../domain/structure.entity";
import { recordInDirectory } from "../platform/directory/client";
import { writeTransaction } from "../platform/db/write-transaction";
${cog}import { ${n.grantRow} } from "./grant.entity";

@InputType({ description: "Financement de ${n.name} attribué à une structure." })
export class ${n.grantInput} {
  @Field(() => ID, { description: "Code INSEE du département." }) department: string;
  @Field(() => Int, { description: "Année." }) year: number;
  @Field(() => ID, { description: "SIRET de la structure bénéficiaire." }) siret: string;
  @Field({ description: "Nom de la structure bénéficiaire." }) structureName: string;
  @Field({ description: "Objet du financement." }) title: string;
  @Field(() => Float, { description: "Montant en euros (au plus deux décimales)." }) amount: number;
  @Field(() => ID, { nullable: true, description: "Référence du dossier cofinancé, partagée entre financeurs." }) projectRef?: string | null;
}

/** Records a funding line with its audit entry, in one transaction; every rule is checked first. */
export async function ${n.recordMutation}(ds: DataSource, actor: Actor | null, input: ${n.grantInput}): Promise<${n.grantRow}> {
  const v = new Violations();
  if (!v.department("department", input.department)) v.throwIfAny();
${access.code}
  v.year("year", input.year);
  v.siret("siret", input.siret);
  v.text("structureName", input.structureName, "Le nom de la structure", TEXT_LIMITS.name);
  v.text("title", input.title, "L'objet du financement");
  const cents = v.amount("amount", input.amount);
  if (input.projectRef != null) v.check(validProjectRef(input.projectRef), "projectRef", "PROJECT_REF_FORMAT", "Référence de dossier : 1 à 64 caractères parmi lettres, chiffres, « - », « _ », « . ».");
  v.throwIfAny();
  return writeTransaction(ds, async (m) => {
    const key = { departmentCode: input.department, year: input.year, siret: input.siret, title: input.title.trim() };
    const duplicate = await m.getRepository(${n.grantRow}).findOneBy(key);
    if (duplicate) throw badInput(\`Ce financement est déjà enregistré (identifiant \${duplicate.id}) : même département, année, structure et objet.\`, "title");
    await upsertStructure(m, input.siret, input.structureName);
    const grant = await m.save(m.create(${n.grantRow}, { ...key, amountCents: cents!, projectRef: input.projectRef ?? null }));
    await audit(m, who, "${n.recordMutation}", "${n.grantType}", grant.id, { ...input });
    await recordInDirectory(who, [{ siret: input.siret, name: input.structureName }]);
    return grant;
  });
}
`;
}
