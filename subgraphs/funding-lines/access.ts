/**
 * Who writes a department's lines: one kind of organisation of that department (`caf:44`, `cd:44`),
 * or of its region (`ars:52`), or the national level. The refusal names the token it refused.
 */
import { Actor, Organisation } from "../platform/auth/organisation";
import { forbidden, requireActor, requireNational, requireRegionalBody } from "../platform/auth/policy";
import { findDepartment } from "../domain/reference/cog";
import { FunderScope } from "./funder-name";

/** Only `<kind>:<department>` writes; `message` says it in the funder's words. */
export function requireDepartmentBody(
  actor: Actor | null,
  kind: "caf" | "cd",
  department: string,
  message: (department: string, who: Actor) => string,
): Actor {
  const who = requireActor(actor);
  if (who.organisation.kind !== kind || who.organisation.department !== department) throw forbidden(message(department, who));
  return who;
}

/**
 * The writer of a funder's lines by its scope: `<kind>:<department>`, `<kind>:<region of the
 * department>` (an ARS, a DREETS), or `national`.
 */
export function writerOf(kind: Organisation["kind"], scope: FunderScope): (actor: Actor | null, department: string) => Actor {
  if (scope === "national") return (actor) => requireNational(actor);
  if (scope === "region")
    return (actor, department) => requireRegionalBody(actor, kind as "ars" | "dreets", findDepartment(department)?.regionCode ?? "");
  return (actor, department) =>
    requireDepartmentBody(
      actor,
      kind as "caf" | "cd",
      department,
      (d, who) => `Seule l'organisation ${kind}:${d} enregistre ces financements (jeton : ${who.organisation.id}).`,
    );
}
