/**
 * Regions and departments of the INSEE COG, from @etalab/decoupage-administratif.
 * Its JSON files are imported directly: the package's index.js resolves paths against the cwd.
 * The policy covers the 13 metropolitan regions and the 5 overseas regions (DROM) with their
 * 101 departments; overseas collectivities (975, 977…) are out of scope.
 */
import regionsJson from "@etalab/decoupage-administratif/data/regions.json";
import departementsJson from "@etalab/decoupage-administratif/data/departements.json";

export interface RegionRecord {
  code: string;
  name: string;
  overseas: boolean;
}
export interface DepartmentRecord {
  code: string;
  name: string;
  regionCode: string;
}

interface EtalabArea {
  code: string;
  nom: string;
  zone: string;
  region?: string;
}
const inScope = (area: EtalabArea) => area.zone === "metro" || area.zone === "drom";

export const REGIONS: readonly RegionRecord[] = (regionsJson as EtalabArea[])
  .filter(inScope)
  .map((r) => ({ code: r.code, name: r.nom, overseas: r.zone === "drom" }));

export const DEPARTMENTS: readonly DepartmentRecord[] = (departementsJson as EtalabArea[])
  .filter(inScope)
  .map((d) => ({ code: d.code, name: d.nom, regionCode: d.region as string }));

const regionsByCode = new Map(REGIONS.map((r) => [r.code, r]));
const departmentsByCode = new Map(DEPARTMENTS.map((d) => [d.code, d]));

export const findRegion = (code: string): RegionRecord | undefined => regionsByCode.get(code);
export const findDepartment = (code: string): DepartmentRecord | undefined => departmentsByCode.get(code);
export const departmentsOf = (regionCode: string): DepartmentRecord[] => DEPARTMENTS.filter((d) => d.regionCode === regionCode);

/** The five overseas territories of the Maisons des 1000 premiers jours are the overseas regions. */
export const OVERSEAS_REGIONS: readonly RegionRecord[] = REGIONS.filter((r) => r.overseas);
