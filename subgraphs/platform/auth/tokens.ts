import crypto from "node:crypto";
import fs from "node:fs";
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, importPKCS8, JWTPayload } from "jose";
import { AuthConfig, DEFAULT_AUDIENCE, LOCAL_ISSUER } from "./config";
import { Actor, parseOrganisation } from "./organisation";
import { tokenLifetimeViolation } from "./token-lifetime";

/** Signs a token for an organisation with the local key (embedded set-up and tests). */
export async function signLocalToken(
  privateKeyFile: string,
  organisation: string,
  options: { subject?: string; name?: string; expiresIn?: string } = {},
): Promise<string> {
  if (!parseOrganisation(organisation))
    throw new Error(
      `Organisation inconnue : « ${organisation} » (ars:<région>, dreets:<région>, caf:<département>, cd:<département>, national).`,
    );
  const key = await importPKCS8(fs.readFileSync(privateKeyFile, "utf8"), "RS256");
  return new SignJWT({ org: organisation, name: options.name ?? organisation })
    .setProtectedHeader({ alg: "RS256" })
    .setSubject(options.subject ?? `${organisation}-${crypto.randomUUID().slice(0, 8)}`)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "8h")
    .sign(key);
}

/**
 * Verifies, in a subgraph, the token the gateway forwarded: the subgraph trusts claims only when
 * their signature holds, not merely because the request came through the gateway, and only for a
 * bounded lifetime (exp and iat required).
 */
export function createTokenVerifier(config: AuthConfig): (token: string) => Promise<Actor | null> {
  const key = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  const publicKey = config.publicKeyPem ? importSPKI(config.publicKeyPem, config.algorithms[0]) : null;
  return async (token) => {
    let payload: JWTPayload;
    try {
      const options = { issuer: config.issuer, audience: config.audience, algorithms: config.algorithms };
      if (key) payload = (await jwtVerify(token, key, options)).payload;
      else if (publicKey) payload = (await jwtVerify(token, await publicKey, options)).payload;
      else return null; // no key configured, no token verifies (loadAuthConfig requires one)
    } catch {
      return null;
    }
    if (tokenLifetimeViolation(payload, config.maxTokenLifetimeSeconds)) return null;
    const organisation = parseOrganisation(payload.org);
    return organisation && payload.sub ? { subject: payload.sub, organisation, token } : null;
  };
}
