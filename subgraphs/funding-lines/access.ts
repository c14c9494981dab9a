/**
 * Who writes a department's lines: one kind of organisation of that department (`caf:44`, `cd:44`),
 * or of its region (`ars:52`), or the national level. The refusal names the token it refused.
 */
import { Actor } from "../platform/auth/organisation";
import { forbidden, requireActor } from "../platform/auth/policy";

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
