/**
 * Who grants: the official name and the SIRET of each funder (SCDL `nomAttribuant`,
 * `idAttribuant`), in this one module.
 *
 * NOTE — the hub records NO grantor SIRET yet. `VERIFIED_GRANTOR_SIRETS` is where a funder's real
 * SIRET goes once the partner has given it (checked in the SIRENE directory); it is empty today.
 * Until then every grantor gets a FICTITIOUS SIRET, made to stand out: "00000", the kind of body
 * (1 ARS, 2 DREETS/DEETS, 3 CAF), the territory code on 3 digits (2A → 201, 2B → 202), "0000" and
 * the Luhn check digit (14 digits, as SCDL requires). The digits alone do not prove it fictitious:
 * `fictitious: true` travels with it, the CLI warns on stderr, the HTTP export says so in its
 * `x-scdl-attribuant-siret` header, and the README lists it.
 */
import { findDepartment, findRegion } from "../../subgraphs/domain/reference/cog";
import { isValidSiret, withLuhnCheckDigit } from "../../subgraphs/domain/siret";
import { ExportError } from "./gateway-client";

export type FunderKind = "ars" | "dreets" | "caf";
export const FUNDER_KINDS: readonly FunderKind[] = ["ars", "dreets", "caf"];

export interface Grantor {
  kind: FunderKind;
  /** Region code (ARS, DREETS) or department code (CAF). */
  territory: string;
  territoryName: string;
  /** Official name of the body (SCDL nomAttribuant). */
  name: string;
  siret: string;
  fictitious: boolean;
}

/** Real SIRETs of grantors, keyed "ars:52", "caf:44"… — none verified yet (see the note above). */
export const VERIFIED_GRANTOR_SIRETS: Readonly<Partial<Record<string, string>>> = {};

const KIND_DIGIT: Record<FunderKind, string> = { ars: "1", dreets: "2", caf: "3" };

export function fictitiousGrantorSiret(kind: FunderKind, territory: string): string {
  const territoryDigits = territory === "2A" ? "201" : territory === "2B" ? "202" : territory.padStart(3, "0");
  return withLuhnCheckDigit(`00000${KIND_DIGIT[kind]}${territoryDigits}0000`);
}

export const isFictitiousGrantorSiret = (siret: string) => siret.startsWith("00000");

/** The grantor of a funder kind in a territory; an unknown territory is refused (404). */
export function grantor(kind: FunderKind, territory: string): Grantor {
  let territoryName: string;
  let name: string;
  if (kind === "caf") {
    const department = findDepartment(territory);
    if (!department) throw new ExportError(`Département inconnu : ${territory} (code INSEE attendu, par exemple 44 ou 2A).`, 404);
    territoryName = department.name;
    name = `Caisse d'allocations familiales – ${department.name} (${department.code})`;
  } else {
    const region = findRegion(territory);
    if (!region) throw new ExportError(`Région inconnue : ${territory} (code INSEE attendu, par exemple 52).`, 404);
    territoryName = region.name;
    name =
      kind === "ars"
        ? `Agence régionale de santé – ${region.name}`
        : region.overseas
          ? `Direction de l'économie, de l'emploi, du travail et des solidarités (DEETS) – ${region.name}`
          : `Direction régionale de l'économie, de l'emploi, du travail et des solidarités (DREETS) – ${region.name}`;
  }
  const verified = VERIFIED_GRANTOR_SIRETS[`${kind}:${territory}`];
  if (verified && !isValidSiret(verified))
    throw new Error(`SIRET invalide pour ${kind}:${territory} dans VERIFIED_GRANTOR_SIRETS : ${verified}`);
  return { kind, territory, territoryName, name, siret: verified ?? fictitiousGrantorSiret(kind, territory), fictitious: !verified };
}
