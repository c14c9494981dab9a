/**
 * The two exports, as the CLI (scripts/export.ts) and the gateway's HTTP routes both run them.
 */
import { FUNDER_KINDS, FunderKind, grantor, Grantor } from "./grantors";
import { ExportError, GraphqlClient } from "./gateway-client";
import { funderGrants } from "./funder-grants";
import { scdlCsv, scdlFileName } from "./scdl";
import { laureatesCsv, laureatesFileName, nationalLaureates } from "./laureates";
import { cafGrants, cafGrantsCsv, cafGrantsFileName } from "./caf-grants";

export interface ExportFile {
  fileName: string;
  csv: string;
  rows: number;
  /** Set when the grantor's SIRET is fictitious (see grantors.ts). */
  grantor?: Grantor;
}

export function parseFunderKind(value: string | null | undefined): FunderKind {
  if (value && (FUNDER_KINDS as readonly string[]).includes(value)) return value as FunderKind;
  throw new ExportError(`Financeur attendu : ${FUNDER_KINDS.join(", ")} ; reçu : ${value ?? "rien"}.`, 400);
}

/** A year of the policy, or null when absent and allowed. */
export function parseYear(value: string | null | undefined, required: boolean): number | null {
  if (value === null || value === undefined || value === "") {
    if (required) throw new ExportError("L'année est obligatoire (par exemple annee=2021).", 400);
    return null;
  }
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new ExportError(`Année invalide : ${value} (quatre chiffres attendus, par exemple 2021).`, 400);
  return year;
}

export async function exportFunderScdl(
  client: GraphqlClient,
  kind: FunderKind,
  territory: string,
  year: number | null,
): Promise<ExportFile> {
  const who = grantor(kind, territory);
  const grants = await funderGrants(client, kind, territory, year);
  return { fileName: scdlFileName(who, year), csv: scdlCsv(who, grants), rows: grants.length, grantor: who };
}

export async function exportNationalLaureates(client: GraphqlClient, year: number, pageSize?: number): Promise<ExportFile> {
  return exportLaureates(client, { year }, pageSize);
}

/** The laureates of both sides under a filter of the explorer (its year required: the file is named after it). */
export async function exportLaureates(
  client: GraphqlClient,
  filter: { year: number } & Record<string, unknown>,
  pageSize?: number,
  maxRows?: number,
): Promise<ExportFile> {
  const records = await nationalLaureates(client, filter, pageSize, maxRows);
  return { fileName: laureatesFileName(filter.year, Object.keys(filter).length > 1), csv: laureatesCsv(records), rows: records.length };
}

/** The CAF grants under a filter of the explorer (Query.parentalityGrants), every year when none is given. */
export async function exportCafGrants(
  client: GraphqlClient,
  filter: Record<string, unknown>,
  pageSize?: number,
  maxRows?: number,
): Promise<ExportFile> {
  const records = await cafGrants(client, filter, pageSize, maxRows);
  const year = typeof filter.year === "number" ? filter.year : null;
  return {
    fileName: cafGrantsFileName(
      year,
      Object.keys(filter).some((k) => k !== "year"),
    ),
    csv: cafGrantsCsv(records),
    rows: records.length,
  };
}

export const fictitiousSiretWarning = (who: Grantor) =>
  `Attention : SIRET de l'attribuant FICTIF (${who.siret}) pour « ${who.name} » : le hub n'enregistre pas encore les SIRET des financeurs (gateway/exports/grantors.ts).`;
