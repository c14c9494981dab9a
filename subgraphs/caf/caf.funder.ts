/**
 * The CAF as a funder that records funding lines: its grants' table and funds, how cross-financing
 * names it ("CAF 44 Loire-Atlantique"), its GraphQL words, its rules and its national list. The
 * loaders, resolvers, write transaction and import come from the funding-lines block.
 */
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { StructureDirectory } from "../platform/directory/client";
import { FundingSource } from "../domain/enums";
import { cafFunder } from "../domain/financing/funders";
import { graphqlFilterField } from "../domain/explorer/filter.rules";
import { FundingLineFunder, LineListDeclaration } from "../funding-lines/funder";
import { recordFundingLine } from "../funding-lines/record";
import { ParentalityGrantRow } from "./parentality-grant.entity";
import { ParentalityGrant, toGrant } from "./parentality-grant.type";
import {
  CAF_FUNDS,
  CheckedParentalityGrant,
  checkParentalityGrant,
  duplicateGrantMessage,
  ParentalityGrantInput,
  requireCafOf,
} from "./writes";

export const CAF: FundingLineFunder<ParentalityGrantRow, ParentalityGrant, ParentalityGrantInput, CheckedParentalityGrant> = {
  name: "caf",
  row: ParentalityGrantRow,
  source: { column: "fund" },
  axes: true,
  funderName: cafFunder,
  key: ["departmentCode", "year", "fund", "siret", "title"],
  graphql: {
    type: ParentalityGrant,
    typeName: "ParentalityGrant",
    toNode: toGrant,
    input: ParentalityGrantInput,
    lineFields: {
      department: "Département de la CAF qui attribue.",
      structure: "Structure bénéficiaire.",
      project: "Dossier cofinancé, s'il est référencé.",
    },
    lists: {
      field: "parentalityGrants",
      nullable: true,
      Department: "Subventions de la CAF du département.",
      Structure: "Subventions des CAF à la structure.",
      Project: "Subventions des CAF au dossier.",
    },
    one: { field: "parentalityGrant", description: "Une subvention de CAF par son identifiant." },
    record: {
      field: "recordParentalityGrant",
      description: "Enregistre une subvention de la CAF. Réservé à caf:<département> ; fonds de la CAF seulement ; pas de doublon.",
      input: "La subvention.",
    },
    audit: { field: "cafAuditTrail", label: "subventions des CAF" },
  },
  writes: { check: checkParentalityGrant, requireWriter: requireCafOf, duplicateMessage: duplicateGrantMessage },
};

/** Records a grant, in one transaction with its audit entry. Only `caf:<department>` may. */
export const recordParentalityGrant = (ds: DataSource, directory: StructureDirectory, actor: Actor | null, input: ParentalityGrantInput) =>
  recordFundingLine(CAF, ds, directory, actor, input);

/** Query.parentalityGrants: what a question such as "which structures does the CAF of Loire-Atlantique fund on axis 3" needs. */
export const CAF_GRANT_LIST: LineListDeclaration = {
  query: {
    field: "parentalityGrants",
    description:
      "Les subventions de toutes les CAF, paginées, sous un filtre dont les critères se cumulent (année, région, département, fonds, axes, montants, texte).",
  },
  filter: {
    name: "ParentalityGrantFilter",
    description: "Filtre des subventions des CAF : les critères donnés se cumulent (ET).",
    year: "Année de la subvention.",
    region: "Code INSEE d'une région : les subventions des CAF de ses départements (COG).",
    department: "Code INSEE du département de la CAF.",
    own: {
      field: "funds",
      type: FundingSource,
      column: "fund",
      label: "Fonds",
      description: `Fonds : les subventions sur l'un d'eux, fonds des CAF seulement (${CAF_FUNDS.join(", ")}) ; liste non vide.`,
      check(funds, v) {
        const notCaf = funds.filter((f) => !(CAF_FUNDS as readonly string[]).includes(f));
        v.check(
          notCaf.length === 0,
          graphqlFilterField("funds"),
          "FUND_NOT_CAF",
          `Fonds qui ne sont pas ceux des CAF : ${notCaf.join(", ")} (fonds des CAF : ${CAF_FUNDS.join(", ")} ; FIR et P304 sont aux ARS et DREETS).`,
        );
      },
    },
  },
  connection: { a: "Une subvention de CAF", the: "La subvention", many: "subventions des CAF" },
};
