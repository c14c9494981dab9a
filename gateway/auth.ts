import { createInlineSigningKeyProvider, createRemoteJwksSigningKeyProvider, useJWT } from "@graphql-hive/gateway";
import { AuthConfig } from "../subgraphs/shared/auth/config";

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
  return useJWT({
    signingKeyProviders: [provider],
    tokenVerification: { issuer: auth.issuer, audience: auth.audience, algorithms: auth.algorithms as never },
    reject: { missingToken: false, invalidToken: true },
    forward: { payload: true, token: true },
  });
}
