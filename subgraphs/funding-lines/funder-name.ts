import { findDepartment, findRegion } from "../domain/reference/cog";

/** Whom a funder's lines belong to: the body of a department, of a region, or the national level. */
export type FunderScope = "department" | "region" | "national";

/**
 * How cross-financing names the funder of a department's line: its label, then its territory
 * ("Collectivité partenaire 44 Loire-Atlantique", "ARS Pays de la Loire"), or the label alone.
 */
export function funderNamed(label: string, scope: FunderScope): (department: string) => string {
  if (scope === "department") return (department) => `${label} ${department} ${findDepartment(department)?.name ?? ""}`.trim();
  if (scope === "region") return (department) => `${label} ${findRegion(findDepartment(department)?.regionCode ?? "")?.name ?? ""}`.trim();
  return () => label;
}
