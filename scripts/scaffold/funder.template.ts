import { literal, Names } from "./names";
import { orgDescription } from "./writes.template";

/** `subgraphs/<name>/<name>.funder.ts`: the declaration the funding-lines block assembles the subgraph from. */
export const funderTemplate = (n: Names) => `import { FundingSource } from "../domain/enums";
import { CheckedFundingLine, FundingLineFunder, FundingLineInput } from "../funding-lines/funder";
import { funderNamed } from "../funding-lines/funder-name";
import { PlainLine, plainLineInput, plainLineNode, plainLineType } from "../funding-lines/plain-line";
import { ${n.grantRow} } from "./grant.entity";
import { check${n.pascal}Grant, duplicate${n.pascal}Message, require${n.pascal}Writer } from "./writes";

export const ${n.grantType} = plainLineType<${n.grantRow}>("${n.grantType}", "Financement de ${n.name} à une structure, pour une année (source ${n.source} dans les financements croisés).");
export const ${n.grantInput} = plainLineInput("${n.grantInput}", "Financement de ${n.name} attribué à une structure.");

export const ${n.name.toUpperCase()}: FundingLineFunder<${n.grantRow}, PlainLine<${n.grantRow}>, FundingLineInput, CheckedFundingLine> = {
  name: "${n.name}",
  row: ${n.grantRow},
  source: FundingSource.${n.source},
  axes: false,
  funderName: funderNamed(${literal(n.funder)}, "${n.scope}"),
  key: ["departmentCode", "year", "siret", "title"],
  graphql: {
    type: ${n.grantType},
    typeName: "${n.grantType}",
    toNode: plainLineNode,
    input: ${n.grantInput},
    lineFields: { department: "Département du financement.", structure: "Structure bénéficiaire.", project: "Dossier cofinancé, s'il est référencé." },
    lists: {
      field: "${n.listField}",
      nullable: false,
      Department: "Financements de ${n.name} dans le département.",
      Structure: "Financements de ${n.name} reçus par la structure.",
      Project: "Financements de ${n.name} du dossier.",
    },
    one: { field: "${n.oneQuery}", description: "Un financement de ${n.name} par son identifiant." },
    record: { field: "${n.recordMutation}", description: "Enregistre un financement de ${n.name}. Réservé à ${orgDescription(n)} ; pas de doublon.", input: "Le financement." },
    audit: { field: "${n.name}AuditTrail", label: "financements de ${n.name}" },
  },
  writes: { check: check${n.pascal}Grant, requireWriter: require${n.pascal}Writer, duplicateMessage: duplicate${n.pascal}Message },
};
`;
