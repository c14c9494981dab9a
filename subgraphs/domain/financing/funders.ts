import { FundingSource } from "../enums";
import { findDepartment, findRegion } from "../reference/cog";

/**
 * How a funder is named in cross-financing: the body and its territory ("ARS Bretagne",
 * "CAF 35 Ille-et-Vilaine"). Overseas, the DREETS is a DEETS.
 */
export function regionalFunder(body: "ARS" | "DREETS", regionCode: string): string {
  const region = findRegion(regionCode);
  const name = region?.name ?? regionCode;
  if (body === "DREETS" && region?.overseas) return `DEETS ${name}`;
  return `${body} ${name}`;
}

export function cafFunder(departmentCode: string): string {
  return `CAF ${departmentCode} ${findDepartment(departmentCode)?.name ?? ""}`.trim();
}

export function departmentFunder(departmentCode: string): string {
  return `Conseil départemental ${departmentCode} ${findDepartment(departmentCode)?.name ?? ""}`.trim();
}

const CAF_SOURCES = new Set([
  FundingSource.CAF_FNP,
  FundingSource.CAF_REAAP,
  FundingSource.CAF_LAEP,
  FundingSource.CAF_FPT,
  FundingSource.FIPE,
]);

/** The funder behind a budget line of a territory (a Maison's forecast budget names sources, not bodies). */
export function funderOfSource(source: FundingSource, regionCode: string, departmentCode: string): string {
  if (source === FundingSource.FIR) return regionalFunder("ARS", regionCode);
  if (source === FundingSource.P304_17 || source === FundingSource.P304_19) return regionalFunder("DREETS", regionCode);
  if (CAF_SOURCES.has(source)) return cafFunder(departmentCode);
  if (source === FundingSource.DEPARTMENT) return departmentFunder(departmentCode);
  if (source === FundingSource.LOCAL_AUTHORITY) return "Autres collectivités";
  return "Autres financeurs";
}
