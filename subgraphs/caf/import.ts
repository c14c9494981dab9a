/**
 * A CAF's grants from a CSV file (`npm run import -- subventions`): the CAF's own columns, or an
 * SCDL subventions file (scdl-import.ts). Each row goes through the rules of
 * recordParentalityGrant (checkParentalityGrant); the file is written all or nothing.
 */
import { mergeWriteChanges } from "../platform/cache/write-changes";
import { EntityManager } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { forbidden } from "../platform/auth/policy";
import { FundingSource, FUNDING_SOURCES_IN_ORDER } from "../domain/enums";
import { findDepartment } from "../domain/reference/cog";
import { ImportColumn, RowReader } from "../platform/import/columns";
import { ImportDefinition, RowLayout } from "../platform/import/run";
import { readDepartmentCode } from "../platform/import/values";
import { normaliseColumn } from "../platform/import/csv";
import { ParentalityGrantRow } from "./parentality-grant.entity";
import { cafOnlyMessage, CheckedParentalityGrant, checkParentalityGrant, duplicateGrantMessage, ParentalityGrantInput } from "./writes";
import { scdlGrantLayout } from "./scdl-import";

export const CAF_GRANT_COLUMNS: readonly ImportColumn[] = [
  { field: "department", names: ["departement", "code departement", "dep"] },
  { field: "year", names: ["annee", "exercice"] },
  { field: "date", names: ["date", "date decision", "date convention"] },
  { field: "fund", names: ["fonds", "fund"], required: true },
  { field: "siret", names: ["siret"], required: true },
  { field: "structureName", names: ["structure", "nom structure", "beneficiaire"], required: true },
  { field: "title", names: ["objet", "intitule", "titre"], required: true },
  { field: "amount", names: ["montant", "montant euros"], required: true },
  { field: "axes", names: ["axes"] },
  { field: "projectRef", names: ["reference dossier", "reference", "dossier"] },
];

/** The funds by code (CAF_FNP) or by the name a CAF uses (FNP, REAAP, LAEP, FPT, FIPE). */
export function readFund(cell: string): FundingSource | null {
  const key = normaliseColumn(cell);
  return FUNDING_SOURCES_IN_ORDER.find((f) => normaliseColumn(f) === key || normaliseColumn(f) === `caf${key}`) ?? null;
}

const keyOf = (k: CheckedParentalityGrant["key"]) => [k.departmentCode, k.year, k.fund, k.siret, k.title].join("\u0000");

/** The import of the grants of the CAF `actor` speaks for (caf:<department>). */
export function cafGrantImport(actor: Actor): ImportDefinition<CheckedParentalityGrant> {
  const organisation = actor.organisation;
  const department = organisation.kind === "caf" ? organisation.department : "";
  /** The mutation's rules, then ownership: a CAF imports its own department's grants only. */
  const check = (input: ParentalityGrantInput, row: RowReader) => {
    const checked = checkParentalityGrant(input, row.v);
    if (findDepartment(input.department) && input.department !== department)
      row.v.add("department", "DEPARTMENT_NOT_OWNED", cafOnlyMessage(input.department, actor));
    return row.v.empty ? checked : null;
  };
  const native: RowLayout<CheckedParentalityGrant> = {
    name: "CAF",
    columns: CAF_GRANT_COLUMNS,
    read(row) {
      const fund = readFund(row.text("fund"));
      if (!fund)
        row.v.unreadableCell(
          "fund",
          row.has("fund") ? "FUND_UNKNOWN" : "REQUIRED",
          row.has("fund") ? `Fonds inconnu « ${row.text("fund")} » : FNP, REAAP, LAEP, FPT ou FIPE.` : "Le fonds est obligatoire.",
        );
      let year = Number.NaN;
      if (row.has("year")) year = row.integer("year", "L'année");
      else if (row.has("date")) year = row.yearOfDate("date", "year");
      else
        row.v.unreadableCell(
          "year",
          "REQUIRED",
          "L'année (colonne « annee ») ou la date de la décision (colonne « date ») est obligatoire.",
        );
      return check(
        {
          department: row.has("department") ? readDepartmentCode(row.text("department")) : department,
          year,
          fund: fund ?? FundingSource.CAF_FNP,
          siret: row.text("siret"),
          structureName: row.text("structureName"),
          title: row.text("title"),
          amount: row.decimal("amount"),
          axes: row.axes("axes"),
          projectRef: row.optionalText("projectRef"),
        },
        row,
      );
    },
  };
  return {
    kind: "subventions",
    operation: "importParentalityGrants",
    entity: "ParentalityGrant",
    table: ParentalityGrantRow,
    layouts: [scdlGrantLayout(department, check), native],
    prepare() {
      if (organisation.kind !== "caf")
        throw forbidden(`Seule une CAF (caf:<département>) importe des subventions (jeton : ${organisation.id}).`);
    },
    key: (g) => keyOf(g.key),
    duplicateInFileMessage: (first) => `Ligne en double : même CAF, année, fonds, structure et objet que la ligne ${first}.`,
    async existingKeys(m: EntityManager) {
      const rows = await m.getRepository(ParentalityGrantRow).find({
        select: { id: true, departmentCode: true, year: true, fund: true, siret: true, title: true },
        where: { departmentCode: department },
      });
      return new Map(rows.map((r) => [keyOf(r), r.id]));
    },
    duplicateMessage: duplicateGrantMessage,
    amountCents: (g) => g.amountCents,
    year: (g) => g.key.year,
    structure: (g) => ({ siret: g.key.siret, name: g.structureName }),
    changes: (grants) =>
      mergeWriteChanges([
        { departments: [department] },
        ...grants.map((g) => ({ structures: [g.key.siret], projects: g.projectRef ? [g.projectRef] : [], years: [g.key.year] })),
      ]),
    async insert(m, grants) {
      await m
        .createQueryBuilder()
        .insert()
        .into(ParentalityGrantRow)
        .values(grants.map((g) => ({ ...g.key, amountCents: g.amountCents, axes: g.axes, projectRef: g.projectRef })))
        .updateEntity(false)
        .execute();
    },
  };
}
