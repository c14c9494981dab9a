import { DocumentNode, FieldNode, getOperationAST, Kind, SelectionSetNode, valueFromASTUntyped } from "graphql";
import { findDepartment } from "../subgraphs/domain/reference/cog";
import { WriteChanges } from "../subgraphs/platform/cache/write-changes";

/**
 * Scopes of the response cache: what a public answer depends on, and what a write changes. An
 * answer is served while no write has changed any of its scopes since it was computed
 * (gateway/scoped-store.ts). Pure functions, no I/O.
 *
 * - `region:52`: rows placed in region 52, its departments' included (a region's dashboard);
 * - `department:44`: rows placed in department 44;
 * - `structure#…`, `project#…`, `call#…`: one SIRET, one dossier, one call, hashed into a fixed
 *   number of buckets so that the versions kept stay bounded (a collision costs a miss, never a
 *   stale answer);
 * - `laureates:2024` / `laureates`: the national lists of laureates of a year / of any year;
 * - `maisons`: the overseas Maisons' board; `year:2024`: national figures of a year;
 * - `directory`: the structure directory's members (a write naming a SIRET may add one);
 * - `any`: changed by every write (read by answers whose root field this module does not know);
 * - `unscoped`: changed by a write that reported nothing; every answer depends on it.
 */
export const ANY = "any";
export const UNSCOPED = "unscoped";
/** Reference data (regions, axes, instructions…): no write changes it, only a new deployment. */
export const REFERENCE = "reference";

export const SCOPE_BUCKETS = 4096;

/** FNV-1a, 32 bits: stable across processes and replicas (they must agree on the buckets). */
function bucket(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SCOPE_BUCKETS;
}

export const regionScope = (code: string) => `region:${code}`;
export const departmentScope = (code: string) => `department:${code}`;
export const structureScope = (siret: string) => `structure#${bucket(siret)}`;
export const projectScope = (ref: string) => `project#${bucket(ref)}`;
/** `side`: health or social. */
export const callScope = (side: string, id: string) => `call#${bucket(`${side}:${id}`)}`;
export const laureatesScope = (year?: number | null) => (year == null ? "laureates" : `laureates:${year}`);
export const MAISONS = "maisons";
export const DIRECTORY = "directory";
export const yearScope = (year: number | string) => `year:${year}`;

type Args = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : null);
/** The scope of an argument read as text, or null when it is not text (then the answer depends on every write). */
const scopeOf = (value: unknown, scope: (text: string) => string) => {
  const argument = text(value);
  return argument && scope(argument);
};

/** Root fields the cache knows: the scopes of their answer, from their arguments. */
const ROOT_SCOPES: Partial<Record<string, (args: Args) => (string | null)[]>> = {
  region: (a) => [scopeOf(a.code, regionScope)],
  department: (a) => [scopeOf(a.code, departmentScope)],
  structure: (a) => [scopeOf(a.siret, structureScope)],
  project: (a) => [scopeOf(a.ref, projectScope)],
  healthCall: (a) => [scopeOf(a.id, (id) => callScope("health", id))],
  socialCall: (a) => [scopeOf(a.id, (id) => callScope("social", id))],
  healthProjects: (a) => [laureatesScope(yearOfFilter(a.filter))],
  socialProjects: (a) => [laureatesScope(yearOfFilter(a.filter))],
  // a laureate's own fields change only by a laureate write, which changes the national lists
  healthProject: () => [laureatesScope()],
  socialProject: () => [laureatesScope()],
  parentalityGrants: (a) => [fundedListScope(a.filter)],
  departmentalCredits: (a) => [fundedListScope(a.filter)],
  // new members come from any write naming a SIRET; names are first-come (never renamed by a write)
  structures: () => [DIRECTORY],
  maisonTerritories: () => [MAISONS],
  maisonProject: () => [MAISONS],
  // reference only: what they list beyond it (a region's figures) is read in the answer (answer-scopes.ts)
  regions: () => [REFERENCE],
  departments: () => [REFERENCE],
  axes: () => [REFERENCE],
  instructionRules: () => [REFERENCE],
  regionalCalls: () => [REFERENCE],
  labellingCriteria: () => [REFERENCE],
  __typename: () => [REFERENCE],
  __schema: () => [REFERENCE],
  __type: () => [REFERENCE],
};

function yearOfFilter(filter: unknown): number | null {
  const year = (filter as { year?: unknown } | null | undefined)?.year;
  return typeof year === "number" && Number.isInteger(year) ? year : null;
}

/**
 * A funder's list (CAF grants, departmental credits) under the explorer's filter: every write of
 * such a row reports its department and year, so the list depends on the narrowest of its
 * department, its region, its year; a list over every territory and year, on every write.
 */
function fundedListScope(filter: unknown): string | null {
  const { department, region } = (filter ?? {}) as { department?: unknown; region?: unknown };
  if (department != null) return scopeOf(department, departmentScope) || ANY;
  if (region != null) return scopeOf(region, regionScope) || ANY;
  const year = yearOfFilter(filter);
  return year === null ? ANY : yearScope(year);
}

/** The root fields of an operation (through fragments), with their arguments, variables resolved. */
function rootFields(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Args,
): { name: string; args: Args }[] | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return null;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else {
        const fragment = seen.has(selection.name.value) ? undefined : fragments.get(selection.name.value);
        if (fragment) visit(fragment, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return fields.map((field) => ({
    name: field.name.value,
    args: Object.fromEntries((field.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, variables)])),
  }));
}

/**
 * What a public read depends on, before it runs: one or more scopes per root field. A root field
 * this module does not know (a field added since) depends on every write (`any`): safe by default.
 */
export function readScopes(document: DocumentNode, operationName: string | null | undefined, variables: Args = {}): string[] {
  const fields = rootFields(document, operationName, variables);
  if (!fields) return [ANY];
  const scopes = new Set<string>();
  for (const { name, args } of fields) {
    const known = ROOT_SCOPES[name]?.(args);
    for (const scope of known ?? [ANY]) scopes.add(scope ?? ANY);
  }
  return [...scopes];
}

/**
 * What an accepted write changed, as scopes. Null (the subgraph reported nothing): `unscoped`,
 * which every answer depends on. A department's rows are in its region too (COG).
 */
export function writeScopes(changes: WriteChanges | null): string[] {
  if (!changes || changes.everything) return [UNSCOPED, ANY];
  const scopes = new Set<string>([ANY]);
  for (const code of changes.regions ?? []) scopes.add(regionScope(code));
  for (const code of changes.departments ?? []) {
    scopes.add(departmentScope(code));
    const region = findDepartment(code)?.regionCode;
    // a department the COG does not know: which region shows it cannot be said
    if (region) scopes.add(regionScope(region));
    else return [UNSCOPED, ANY];
  }
  for (const siret of changes.structures ?? []) scopes.add(structureScope(siret));
  if (changes.structures?.length) scopes.add(DIRECTORY);
  for (const ref of changes.projects ?? []) scopes.add(projectScope(ref));
  for (const call of changes.calls ?? []) {
    const [side, id = ""] = call.split(":");
    scopes.add(callScope(side, id));
  }
  for (const year of changes.years ?? []) scopes.add(yearScope(year));
  if (changes.lists?.includes("laureates")) {
    scopes.add(laureatesScope());
    for (const year of changes.years ?? []) scopes.add(laureatesScope(year));
  }
  if (changes.lists?.includes("maisons")) scopes.add(MAISONS);
  return [...scopes];
}

/** A report read off a subgraph's response: the expected shape, or null (then everything is invalidated). */
export function parseWriteChanges(value: unknown): WriteChanges | null {
  if (!value || typeof value !== "object") return null;
  const report = value as Record<string, unknown>;
  const strings = (key: string) =>
    report[key] === undefined || (Array.isArray(report[key]) && (report[key] as unknown[]).every((v) => typeof v === "string"));
  const years = report.years === undefined || (Array.isArray(report.years) && report.years.every((y) => Number.isInteger(y)));
  const lists =
    report.lists === undefined || (Array.isArray(report.lists) && report.lists.every((l) => l === "laureates" || l === "maisons"));
  const ok =
    ["regions", "departments", "structures", "projects", "calls"].every(strings) &&
    years &&
    lists &&
    (report.everything === undefined || typeof report.everything === "boolean");
  return ok ? report : null;
}
