/** The licence verdict on the components of a CycloneDX bill of materials. */
import type { LicenceException } from "./exceptions";
import { isOpenSource } from "./osi";

interface BomLicence {
  expression?: string;
  license?: { id?: string; name?: string };
}
export interface BomComponent {
  group?: string;
  name: string;
  version?: string;
  licenses?: BomLicence[];
  components?: BomComponent[];
}

export interface LicenceLine {
  pkg: string;
  version: string;
  declared: string;
  verdict: "open-source" | "exception" | "refused";
  why?: string;
}

/** Several declared licences mean the package is offered under each of them: any one will do. */
function declaredLicence(component: BomComponent): string {
  const names = [...new Set((component.licenses ?? []).map((l) => l.expression ?? l.license?.id ?? l.license?.name ?? ""))].filter(Boolean);
  return names.length > 1 ? names.map((n) => `(${n})`).join(" OR ") : (names[0] ?? "");
}

function* flatten(components: BomComponent[]): Generator<BomComponent> {
  for (const c of components) {
    yield c;
    yield* flatten(c.components ?? []);
  }
}

export function checkLicences(components: BomComponent[], exceptions: Readonly<Partial<Record<string, LicenceException>>>): LicenceLine[] {
  const lines = new Map<string, LicenceLine>();
  for (const component of flatten(components)) {
    const pkg = component.group ? `${component.group}/${component.name}` : component.name;
    const version = component.version ?? "";
    const declared = declaredLicence(component);
    const exception = exceptions[pkg];
    const line: LicenceLine = isOpenSource(declared)
      ? { pkg, version, declared, verdict: "open-source" }
      : exception && exception.declared === declared
        ? { pkg, version, declared, verdict: "exception", why: exception.why }
        : { pkg, version, declared, verdict: "refused" };
    lines.set(`${pkg}@${version}`, line);
  }
  return [...lines.values()].sort((a, b) => a.pkg.localeCompare(b.pkg) || a.version.localeCompare(b.version));
}
