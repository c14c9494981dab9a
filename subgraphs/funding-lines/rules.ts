/**
 * The rules every funding line keeps, whoever records it (pure, without the database; shared by
 * the mutation and the import): a known department, a year in range, a valid SIRET, bounded texts,
 * an amount exact to the cent, distinct axes, a well-formed dossier reference.
 */
import { Violations } from "../domain/rules/violations";
import { TEXT_LIMITS } from "../domain/rules/limits";
import type { CheckedFundingLine, FundingLineInput } from "./funder";

export interface FunderRules<Key extends object> {
  /** How the title is named in French ("L'objet de la subvention"). */
  titleLabel: string;
  /** The funder's own rules, checked after the year (its fund, its programme…). */
  own?(v: Violations): void;
  /** What the funder's own fields add to the line's unique key ({ fund }). */
  key: Key;
}

/** Every broken rule goes to `v`; the line to write when none broke. */
export function checkFundingLine<Key extends object>(
  input: FundingLineInput,
  v: Violations,
  rules: FunderRules<Key>,
): CheckedFundingLine<Key> | null {
  v.department("department", input.department);
  v.year("year", input.year);
  rules.own?.(v);
  v.siret("siret", input.siret);
  v.text("structureName", input.structureName, "Le nom de la structure", TEXT_LIMITS.name);
  v.text("title", input.title, rules.titleLabel);
  const cents = v.amount("amount", input.amount);
  if (input.axes?.length) v.axes("axes", input.axes);
  v.projectRef("projectRef", input.projectRef);
  if (!v.empty || cents === null) return null;
  return {
    key: { departmentCode: input.department, year: input.year, ...rules.key, siret: input.siret, title: input.title.trim() },
    structureName: input.structureName.trim(),
    amountCents: cents,
    axes: input.axes ?? [],
    projectRef: input.projectRef ?? null,
  };
}
