/**
 * A token must say when it ends (`exp`) and when it was issued (`iat`), and live no longer than
 * the hub allows: a token without `exp` would be valid for ever once leaked. Checked by the
 * gateway and again by every subgraph.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** Clocks of the provider and the hub may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** The French rule a verified token's lifetime breaks, or null. */
export function tokenLifetimeViolation(
  payload: { exp?: unknown; iat?: unknown },
  maxSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  nowSeconds = Date.now() / 1000,
): string | null {
  const limit = `${Math.round((maxSeconds / 3600) * 100) / 100} h au plus`;
  if (typeof payload.exp !== "number")
    return `Jeton refusé : jeton sans date d'expiration (exp) ; le fournisseur d'identité doit émettre des jetons d'une durée de vie de ${limit}.`;
  if (typeof payload.iat !== "number")
    return `Jeton refusé : jeton sans date d'émission (iat) ; le fournisseur d'identité doit émettre des jetons datés, d'une durée de vie de ${limit}.`;
  if (payload.iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) return "Jeton refusé : sa date d'émission (iat) est dans le futur.";
  if (payload.exp - payload.iat > maxSeconds)
    return `Jeton refusé : durée de vie (exp − iat) de ${Math.round((payload.exp - payload.iat) / 360) / 10} h, ${limit}.`;
  return null;
}
