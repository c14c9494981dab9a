import crypto from "node:crypto";
import stableStringify from "fast-json-stable-stringify";
import { AuthConfig } from "./config";
import { createTokenVerifier } from "./tokens";
import { Actor } from "./organisation";

export class UnauthorizedRequest extends Error {}

/**
 * Checks that a subgraph request comes from the gateway (Hive Gateway's HMAC upstream signature:
 * HMAC-SHA256 of the stable JSON of {query, variables}, base64, in extensions["hmac-signature"])
 * and returns the actor of the token the gateway forwarded in extensions.jwt, if any.
 */
export function createGatewayRequestVerifier(config: AuthConfig) {
  const verifyToken = createTokenVerifier(config);
  const key = Buffer.from(config.hmacSecret);
  return async (body: unknown): Promise<Actor | null> => {
    const params = (body ?? {}) as { query?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> };
    const signature = params.extensions?.["hmac-signature"];
    if (typeof signature !== "string")
      throw new UnauthorizedRequest("Requête non signée : seuls les appels de la passerelle sont acceptés.");
    const variables = params.variables && Object.keys(params.variables).length > 0 ? params.variables : undefined;
    const expected = crypto
      .createHmac("sha256", key)
      .update(stableStringify({ query: params.query, variables }))
      .digest();
    const received = Buffer.from(signature, "base64");
    if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) {
      throw new UnauthorizedRequest("Signature de la passerelle invalide.");
    }
    const jwt = params.extensions?.jwt as { token?: string | { value?: string } } | undefined;
    const token = typeof jwt?.token === "string" ? jwt.token : jwt?.token?.value;
    if (!token) return null;
    const actor = await verifyToken(token);
    if (!actor) throw new UnauthorizedRequest("Jeton transmis par la passerelle invalide.");
    return actor;
  };
}
