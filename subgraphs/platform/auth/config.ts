import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { ConfigError } from "../config";
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from "./token-lifetime";

/**
 * Authentication settings shared by the gateway and the subgraphs. Tokens are verified against a
 * JWKS URL (an OIDC provider such as ProConnect) or, in the embedded set-up, a local RSA key pair
 * generated on first start under the data folder. Nothing here has a default secret.
 */
export interface AuthConfig {
  issuer: string;
  audience: string;
  algorithms: string[];
  /** PEM public key, when tokens are signed by the local key. */
  publicKeyPem: string | null;
  jwksUrl: string | null;
  /** Shared secret of the gateway-to-subgraph HMAC signature. */
  hmacSecret: string;
  /** Longest lifetime (exp − iat) of an accepted token; DEFAULT_MAX_TOKEN_LIFETIME_SECONDS (12 h) when unset. */
  maxTokenLifetimeSeconds?: number;
}

export const LOCAL_ISSUER = "urn:mille-premiers-jours:hub-local";
export const DEFAULT_AUDIENCE = "mille-premiers-jours-hub";

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const hmacSecret = env.HUB_HMAC_SECRET || "";
  if (hmacSecret.length < 32)
    throw new ConfigError("HUB_HMAC_SECRET doit contenir au moins 32 caractères (secret partagé passerelle–sous-graphes).");
  const jwksUrl = env.AUTH_JWKS_URL || null;
  const keyFile = env.AUTH_PUBLIC_KEY_FILE || null;
  if (!jwksUrl && !keyFile) throw new ConfigError("AUTH_JWKS_URL ou AUTH_PUBLIC_KEY_FILE est requis pour vérifier les jetons.");
  if (keyFile && !fs.existsSync(keyFile)) throw new ConfigError(`AUTH_PUBLIC_KEY_FILE introuvable : ${keyFile}`);
  const maxLifetime = env.AUTH_MAX_TOKEN_LIFETIME_SECONDS
    ? Number(env.AUTH_MAX_TOKEN_LIFETIME_SECONDS)
    : DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (!Number.isInteger(maxLifetime) || maxLifetime <= 0)
    throw new ConfigError(
      `AUTH_MAX_TOKEN_LIFETIME_SECONDS doit être un entier strictement positif (secondes), reçu : ${env.AUTH_MAX_TOKEN_LIFETIME_SECONDS}`,
    );
  return {
    issuer: env.AUTH_ISSUER || LOCAL_ISSUER,
    audience: env.AUTH_AUDIENCE || DEFAULT_AUDIENCE,
    algorithms: (env.AUTH_ALGORITHMS || "RS256").split(","),
    publicKeyPem: keyFile ? fs.readFileSync(keyFile, "utf8") : null,
    jwksUrl,
    hmacSecret,
    maxTokenLifetimeSeconds: maxLifetime,
  };
}

export interface LocalSecrets {
  privateKeyFile: string;
  publicKeyFile: string;
  hmacSecret: string;
}

/**
 * The embedded set-up's own secrets, created once per installation (never committed, never
 * shared between installations): an RSA key pair to sign partners' tokens, and the HMAC secret.
 */
export function ensureLocalSecrets(dataDir: string): LocalSecrets {
  const dir = path.join(dataDir, "keys");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKeyFile = path.join(dir, "jwt-private.pem");
  const publicKeyFile = path.join(dir, "jwt-public.pem");
  const hmacFile = path.join(dir, "hmac.secret");
  if (!fs.existsSync(privateKeyFile)) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    fs.writeFileSync(privateKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    fs.writeFileSync(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }));
  }
  if (!fs.existsSync(hmacFile)) fs.writeFileSync(hmacFile, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return { privateKeyFile, publicKeyFile, hmacSecret: fs.readFileSync(hmacFile, "utf8").trim() };
}

/** The environment that points gateway and subgraphs at the local secrets. */
export const localAuthEnv = (secrets: LocalSecrets): Record<string, string> => ({
  HUB_HMAC_SECRET: secrets.hmacSecret,
  AUTH_PUBLIC_KEY_FILE: secrets.publicKeyFile,
});
