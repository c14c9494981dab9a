/**
 * The conseils départementaux as a funder that records funding lines: their credits' table (source
 * DEPARTMENT), how cross-financing names them ("Conseil départemental 44 Loire-Atlantique"), their
 * GraphQL words, their rules and national list. The rest comes from the funding-lines block.
 */
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { StructureDirectory } from "../platform/directory/client";
import { FundingSource } from "../domain/enums";
import { departmentFunder } from "../domain/financing/funders";
import { FundingLineFunder, LineListDeclaration } from "../funding-lines/funder";
import { recordFundingLine } from "../funding-lines/record";
import { DepartmentalCreditRow, DepartmentalProgramme } from "./departmental-credit.entity";
import { DepartmentalCredit, toCredit } from "./departmental-credit.type";
import {
  CheckedDepartmentalCredit,
  checkDepartmentalCredit,
  DepartmentalCreditInput,
  duplicateCreditMessage,
  requireDepartmentOf,
} from "./writes";

export const DEPARTEMENTS: FundingLineFunder<
  DepartmentalCreditRow,
  DepartmentalCredit,
  DepartmentalCreditInput,
  CheckedDepartmentalCredit
> = {
  name: "departements",
  row: DepartmentalCreditRow,
  source: FundingSource.DEPARTMENT,
  axes: true,
  funderName: departmentFunder,
  key: ["departmentCode", "year", "programme", "siret", "title"],
  graphql: {
    type: DepartmentalCredit,
    typeName: "DepartmentalCredit",
    toNode: toCredit,
    input: DepartmentalCreditInput,
    lineFields: {
      department: "Département qui attribue.",
      structure: "Structure bénéficiaire.",
      project: "Dossier cofinancé, s'il est référencé.",
    },
    lists: {
      field: "departmentalCredits",
      nullable: true,
      Department: "Crédits du conseil départemental.",
      Structure: "Crédits départementaux reçus par la structure.",
      Project: "Crédits départementaux du dossier.",
    },
    one: { field: "departmentalCredit", description: "Un crédit départemental par son identifiant." },
    record: {
      field: "recordDepartmentalCredit",
      description: "Enregistre un crédit départemental. Réservé à cd:<département> ; pas de doublon.",
      input: "Le crédit.",
    },
    audit: { field: "departementsAuditTrail", label: "crédits des conseils départementaux" },
  },
  writes: { check: checkDepartmentalCredit, requireWriter: requireDepartmentOf, duplicateMessage: duplicateCreditMessage },
};

/** Records a departmental credit with its audit entry, in one transaction. Only `cd:<department>` may. */
export const recordDepartmentalCredit = (
  ds: DataSource,
  directory: StructureDirectory,
  actor: Actor | null,
  input: DepartmentalCreditInput,
) => recordFundingLine(DEPARTEMENTS, ds, directory, actor, input);

/** Query.departmentalCredits: the same shape as the CAF's parentalityGrants. */
export const DEPARTMENTAL_CREDIT_LIST: LineListDeclaration = {
  query: {
    field: "departmentalCredits",
    description:
      "Les crédits de tous les conseils départementaux, paginés, sous un filtre dont les critères se cumulent (année, région, département, cadres, axes, montants, texte).",
  },
  filter: {
    name: "DepartmentalCreditFilter",
    description: "Filtre des crédits départementaux : les critères donnés se cumulent (ET).",
    year: "Année du crédit.",
    region: "Code INSEE d'une région : les crédits de ses départements (COG).",
    department: "Code INSEE du département.",
    own: {
      field: "programmes",
      type: DepartmentalProgramme,
      column: "programme",
      label: "Cadres",
      description: "Cadres : les crédits dans l'un d'eux (liste non vide).",
    },
  },
  connection: { a: "Un crédit départemental", the: "Le crédit", many: "crédits départementaux" },
};
