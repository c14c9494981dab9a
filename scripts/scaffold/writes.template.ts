import { Names } from "./names";

/** `subgraphs/<name>/writes.ts`: the funder's write rules (the shared ones, and where to add its own) and who writes. */
export const writesTemplate = (n: Names) => `import { Actor } from "../platform/auth/organisation";
import { Violations } from "../domain/rules/violations";
import { CheckedFundingLine, FundingLineInput } from "../funding-lines/funder";
import { checkFundingLine } from "../funding-lines/rules";
import { writerOf } from "../funding-lines/access";

/** The rules of one line, shared by the mutation and any import: add the funder's own in \`own\`. */
export const check${n.pascal}Grant = (input: FundingLineInput, v: Violations): CheckedFundingLine | null =>
  checkFundingLine(input, v, { titleLabel: "L'objet du financement", key: {} });

/** Who records the lines of a department: ${orgDescription(n)}. */
export const require${n.pascal}Writer: (actor: Actor | null, department: string) => Actor = writerOf("${n.org}", "${n.scope}");

export const duplicate${n.pascal}Message = (id: number | string) =>
  \`Ce financement est déjà enregistré (identifiant \${id}) : même département, année, structure et objet.\`;
`;

/** Who may write, as the mutation's description says it. */
export function orgDescription(n: Names): string {
  if (n.scope === "national") return "national";
  return n.scope === "region" ? `${n.org}:<région du département>` : `${n.org}:<département>`;
}
