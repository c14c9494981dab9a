import { findDepartment, findRegion } from "../../domain/reference/cog";

/**
 * Who writes: an organisation and its territory, as the token's `org` claim names it.
 * `ars:<region>`, `dreets:<region>`, `caf:<department>`, `cd:<department>`, `national`.
 */
export type Organisation =
  | { kind: "ars" | "dreets"; region: string; id: string }
  | { kind: "caf" | "cd"; department: string; id: string }
  | { kind: "national"; id: "national" };

export function parseOrganisation(value: unknown): Organisation | null {
  if (value === "national") return { kind: "national", id: "national" };
  if (typeof value !== "string") return null;
  const match = /^(ars|dreets|caf|cd):([0-9AB]{2,3})$/.exec(value);
  if (!match) return null;
  const [, kind, code] = match;
  if (kind === "ars" || kind === "dreets") return findRegion(code) ? { kind, region: code, id: value } : null;
  return findDepartment(code) ? { kind: kind as "caf" | "cd", department: code, id: value } : null;
}

export interface Actor {
  subject: string;
  organisation: Organisation;
  /** The verified bearer token, forwarded when a write tells the hub's structure directory (which verifies it again). */
  token?: string;
}
