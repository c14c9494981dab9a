/**
 * Compose's variable interpolation in values (`${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+other}`, `$VAR`, `$$`), enough to read the file as
 * `docker compose config` would, with the checks we want on the way: a missing required variable
 * is a problem, and a secret must be required, never given a default.
 */
export interface Interpolation {
  env: Readonly<Partial<Record<string, string>>>;
  /** Required variables that the environment lacks. */
  problems: string[];
  /** Secrets that are not required (they have a default, or may be empty). */
  secrets: string[];
}

const SECRET = /(SECRET|PASSWORD|TOKEN)$/;
const BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}/g;

export function interpolate<T>(value: T, context: Interpolation): T {
  if (typeof value === "string") return interpolateString(value, context) as T;
  if (Array.isArray(value)) return value.map((v) => interpolate(v, context)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, context)])) as T;
  }
  return value;
}

function interpolateString(text: string, context: Interpolation): string {
  const escaped = text.split("$$");
  return escaped
    .map((part) =>
      part
        .replace(BRACED, (_match, name: string, operator: string | undefined, argument: string | undefined) =>
          resolve(name, operator, argument ?? "", context),
        )
        .replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => resolve(name, undefined, "", context)),
    )
    .join("$");
}

function resolve(name: string, operator: string | undefined, argument: string, context: Interpolation): string {
  const value = context.env[name];
  const set = value !== undefined;
  const nonEmpty = set && value !== "";
  if (SECRET.test(name) && operator !== ":?") {
    const reason = operator === ":-" || operator === "-" ? `default "${argument}"` : "may be empty";
    if (!context.secrets.some((s) => s.startsWith(`${name} `))) context.secrets.push(`${name} (${reason})`);
  }
  const fallback = () => interpolateString(argument, context);
  switch (operator) {
    case ":-":
      return nonEmpty ? value : fallback();
    case "-":
      return set ? value : fallback();
    case ":+":
      return nonEmpty ? fallback() : "";
    case "+":
      return set ? fallback() : "";
    case ":?":
    case "?":
      if (operator === ":?" ? !nonEmpty : !set) context.problems.push(`required variable ${name} is missing: ${argument}`);
      return value ?? "";
    default:
      return value ?? "";
  }
}
