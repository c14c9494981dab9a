import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AuthConfig, DEFAULT_AUDIENCE, ensureLocalSecrets, LOCAL_ISSUER } from "../../subgraphs/shared/auth/config";
import { signLocalToken } from "../../subgraphs/shared/auth/tokens";

/** Fresh keys and HMAC secret for one test run, and tokens signed with them. */
export function createTestAuth() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-auth-"));
  const secrets = ensureLocalSecrets(dir);
  const config: AuthConfig = {
    issuer: LOCAL_ISSUER, audience: DEFAULT_AUDIENCE, algorithms: ["RS256"],
    publicKeyPem: fs.readFileSync(secrets.publicKeyFile, "utf8"), jwksUrl: null, hmacSecret: secrets.hmacSecret,
  };
  return {
    config,
    secrets,
    token: (organisation: string, options?: { subject?: string; expiresIn?: string }) => signLocalToken(secrets.privateKeyFile, organisation, options),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
export type TestAuth = ReturnType<typeof createTestAuth>;
