import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AuthConfig, DEFAULT_AUDIENCE, ensureLocalSecrets, LOCAL_ISSUER } from "../../subgraphs/platform/auth/config";
import { signLocalToken } from "../../subgraphs/platform/auth/tokens";

/** Fresh keys and HMAC secret for one test run, and tokens signed with them. */
export function createTestAuth() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-auth-"));
  const secrets = ensureLocalSecrets(dir);
  const config: AuthConfig = {
    issuer: LOCAL_ISSUER,
    audience: DEFAULT_AUDIENCE,
    algorithms: ["RS256"],
    publicKeyPem: fs.readFileSync(secrets.publicKeyFile, "utf8"),
    jwksUrl: null,
    hmacSecret: secrets.hmacSecret,
  };
  return {
    config,
    secrets,
    token: (organisation: string, options?: { subject?: string; expiresIn?: string }) =>
      signLocalToken(secrets.privateKeyFile, organisation, options),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
export type TestAuth = Omit<ReturnType<typeof createTestAuth>, "token"> & {
  token(organisation: string, options?: { subject?: string; expiresIn?: string; audience?: string }): Promise<string>;
};

/**
 * Tokens from an identity provider publishing its keys as a JWKS (as ProConnect or any OIDC
 * provider does): a local HTTP server serves the JWKS, the hub is configured with its URL only.
 */
export async function createJwksTestAuth(issuer: string, audience: string): Promise<TestAuth & { stopJwks(): Promise<void> }> {
  const { generateKeyPair, exportJWK, SignJWT } = await import("jose");
  const { createServer } = await import("node:http");
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const server = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`;
  const base = createTestAuth();
  return {
    ...base,
    config: { ...base.config, issuer, audience, publicKeyPem: null, jwksUrl },
    token: (organisation: string, options?: { audience?: string }) =>
      new SignJWT({ org: organisation })
        .setProtectedHeader({ alg: "RS256", kid: "test-key" })
        .setSubject(`agent-${organisation}`)
        .setIssuer(issuer)
        .setAudience(options?.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey),
    stopJwks: () => new Promise<void>((r) => server.close(() => r())),
  };
}
