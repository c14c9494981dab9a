import { createInlineSigningKeyProvider, createRemoteJwksSigningKeyProvider, useJWT } from "@graphql-hive/gateway";
import { GraphQLError } from "graphql";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { AuthConfig } from "../subgraphs/platform/auth/config";
import { parseOrganisation } from "../subgraphs/platform/auth/organisation";
import { tokenLifetimeViolation } from "../subgraphs/platform/auth/token-lifetime";

type RequestParsePayload = { request: Request; serverContext?: { jwt?: { payload?: Record<string, unknown> } } };
type YogaJwtPlugin = { onRequestParse?(payload: RequestParsePayload): unknown };

/** A refused token: 401, code UNAUTHENTICATED, the rule in French, and the scheme expected. */
export function tokenRefusal(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } } },
  });
}

const bearerOf = (request: Request) => /^Bearer (\S+)/.exec(request.headers.get("authorization") ?? "")?.[1];

/**
 * RFC 6750's form, and nothing after it: Yoga's plugin reads the first word after "Bearer " and
 * ignores the rest, so `Bearer <jeton> x` was accepted as the token alone.
 */
const BEARER_HEADER = /^Bearer [A-Za-z0-9\-._~+/]+=*$/;
const MALFORMED_HEADER = "Jeton refusé : l'en-tête doit être exactement « Authorization: Bearer <jeton> », un seul jeton et rien après.";

/** The key id a token names (unverified), for the message. */
function keyIdOf(request: Request): string {
  try {
    const token = bearerOf(request);
    const kid: unknown = token ? decodeProtectedHeader(token).kid : undefined; // unverified: any JSON value
    if (!kid) return "aucun";
    return (typeof kid === "string" ? kid : JSON.stringify(kid)).slice(0, 100);
  } catch {
    return "illisible";
  }
}

/** Why the token the JWT plugin refused was refused, as far as its unverified claims tell. */
function refusalMessage(request: Request, auth: AuthConfig): string {
  const token = bearerOf(request);
  let exp: unknown;
  try {
    exp = token ? decodeJwt(token).exp : undefined;
  } catch {
    exp = undefined; // not a JWT at all: the general rule below
  }
  if (typeof exp === "number" && exp * 1000 < Date.now())
    return `Jeton expiré le ${new Date(exp * 1000).toISOString()} : demandez un nouveau jeton à votre fournisseur d'identité.`;
  return `Jeton refusé : il doit être un JWT signé par le fournisseur d'identité du hub (émetteur ${auth.issuer}, audience ${auth.audience}), non expiré, présenté en « Authorization: Bearer <jeton> ».`;
}

/** A verified token must also have a bounded lifetime and name an organisation of the reference (COG codes). */
function claimsViolation(payload: Record<string, unknown>, auth: AuthConfig): string | null {
  const lifetime = tokenLifetimeViolation(payload, auth.maxTokenLifetimeSeconds);
  if (lifetime) return lifetime;
  if (!parseOrganisation(payload.org)) {
    const org =
      payload.org === undefined || payload.org === null ? "" : typeof payload.org === "string" ? payload.org : JSON.stringify(payload.org);
    return `Organisation inconnue dans le jeton : « ${org} » ; la revendication org doit valoir ars:<région>, dreets:<région>, caf:<département>, cd:<département> ou national, avec un code du COG.`;
  }
  if (typeof payload.sub !== "string" || !payload.sub) return "Jeton refusé : il ne nomme pas son titulaire (revendication sub).";
  return null;
}

/**
 * Yoga's JWT plugin (which Hive's useJWT adds) refuses a bad signature with an English
 * "Unauthenticated" and no code, and a token that is not a JWT, or another scheme, with 400. Its
 * errors are replaced here by French ones, 401 and code UNAUTHENTICATED; and a verified token is
 * further checked for its lifetime and organisation before any subgraph is called, so that the
 * subgraphs, which check again, never see one they would refuse.
 */
function withFrenchRefusals(plugin: YogaJwtPlugin, auth: AuthConfig): YogaJwtPlugin {
  return {
    ...plugin,
    async onRequestParse(payload) {
      const header = payload.request.headers.get("authorization");
      if (header !== null && !BEARER_HEADER.test(header)) throw tokenRefusal(MALFORMED_HEADER);
      let outcome: unknown;
      try {
        outcome = await plugin.onRequestParse?.(payload);
      } catch (error) {
        // GraphQL errors are the plugin's refusals. Its only other error is "Authentication is not
        // available at the moment.": no signing key for the token's kid (the provider does not
        // publish it, or cannot be reached), answered 500 "Unexpected error." unless told here.
        if (error instanceof GraphQLError) throw tokenRefusal(refusalMessage(payload.request, auth));
        console.error(JSON.stringify({ level: "warn", service: "gateway", msg: "token signing key unavailable", error: String(error) }));
        throw tokenRefusal(
          `Jeton refusé : sa clé de signature (kid « ${keyIdOf(payload.request)} ») est inconnue du fournisseur d'identité, ou celui-ci est injoignable.`,
        );
      }
      const claims = payload.serverContext?.jwt?.payload;
      const violation = claims ? claimsViolation(claims, auth) : null;
      if (violation) throw tokenRefusal(violation);
      return outcome;
    },
  };
}

/**
 * Bearer tokens verified by Hive Gateway's JWT plugin (issuer, audience, algorithm; keys from a
 * JWKS URL or the local public key). Reads stay open: a request without a token goes through as
 * anonymous, an invalid token is refused. The verified token is forwarded to the subgraphs, which
 * check it again and decide who may write what.
 */
export function jwtPlugin(auth: AuthConfig) {
  const provider = auth.jwksUrl
    ? createRemoteJwksSigningKeyProvider({ jwksUri: auth.jwksUrl })
    : createInlineSigningKeyProvider(auth.publicKeyPem as string);
  const plugin = useJWT({
    signingKeyProviders: [provider],
    tokenVerification: { issuer: auth.issuer, audience: auth.audience, algorithms: auth.algorithms as never },
    reject: { missingToken: false, invalidToken: true },
    forward: { payload: true, token: true },
  });
  return {
    ...plugin,
    // Hive's plugin adds Yoga's on init: the one added is wrapped.
    onPluginInit(context: { addPlugin(plugin: unknown): void }) {
      if (!plugin.onPluginInit)
        throw new Error("Le greffon JWT de Hive n'a plus de onPluginInit : les refus en français ne s'appliqueraient pas.");
      plugin.onPluginInit({
        ...context,
        addPlugin: (added: unknown) => context.addPlugin(withFrenchRefusals(added as YogaJwtPlugin, auth)),
      } as never);
    },
  };
}
