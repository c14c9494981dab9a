/**
 * Tokens the hub refuses, at the gateway and in the subgraphs: each with HTTP 401, code
 * UNAUTHENTICATED and a French message naming the rule. A token must be signed by the identity
 * provider, carry `exp` and `iat` with a bounded lifetime, and name an organisation of the
 * reference (COG codes); a refused token never stops public reads without one.
 */
import fs from "node:fs";
import { generateKeyPair, importPKCS8, SignJWT } from "jose";
import { DEFAULT_AUDIENCE, LOCAL_ISSUER } from "../../subgraphs/platform/auth/config";
import { signRequest } from "../../gateway/router-signer/server";
import { startTestHub, TestHub } from "../support/hub";
import { contractQuery } from "../support/contract";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const WRITE = `mutation($input: ParentalityGrantInput!) { recordParentalityGrant(input: $input) { id } }`;
const INPUT = {
  department: "44",
  year: 2024,
  fund: "CAF_FNP",
  siret: "73282932000074",
  structureName: "Association (fictif)",
  title: "Subvention (fictif)",
  amount: 100,
};

/** A token signed with the hub's local key, with the claims given (no default exp or iat). */
async function signed(claims: { org?: string; iat?: number; exp?: number }, key?: CryptoKey | KeyObjectLike) {
  const privateKey = key ?? (await importPKCS8(fs.readFileSync(hub.auth.secrets.privateKeyFile, "utf8"), "RS256"));
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "RS256" })
    .setSubject("agent-de-test")
    .setIssuer(LOCAL_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .sign(privateKey);
}
type KeyObjectLike = Parameters<SignJWT["sign"]>[0];
const now = () => Math.floor(Date.now() / 1000);

const post = (authorization: string, body: unknown = { query: WRITE, variables: { input: INPUT } }) =>
  fetch(hub.gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization }, body: JSON.stringify(body) });

async function expectRefused(authorization: string, message: RegExp) {
  const response = await post(authorization);
  const body = await response.json();
  expect({ status: response.status, code: body.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: "UNAUTHENTICATED" });
  expect(body.errors[0].message).toMatch(message);
  expect(body.data ?? null).toBeNull();
  expect(JSON.stringify(body)).not.toMatch(/"http"/);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
}

test("a token signed by another key: 401, French, UNAUTHENTICATED", async () => {
  const { privateKey } = await generateKeyPair("RS256");
  await expectRefused(
    `Bearer ${await signed({ org: "caf:44", iat: now(), exp: now() + 3600 }, privateKey)}`,
    /Jeton refusé.*signé par le fournisseur d'identité/,
  );
});

test("a garbage bearer, or another scheme: 401, not 400", async () => {
  await expectRefused("Bearer pas-un-jeton", /Jeton refusé/);
  await expectRefused("Basic YWdlbnQ6bW90LWRlLXBhc3Nl", /Jeton refusé.*Authorization: Bearer/);
});

test("a valid token with anything after it, two tokens, or an empty bearer: 401, and nothing written", async () => {
  const valid = await hub.auth.token("caf:44");
  const grants = () => hub.subgraphs.caf.database.dataSource.query("SELECT COUNT(*) AS n FROM parentality_grant");
  const before = await grants();
  for (const header of [`Bearer ${valid} x`, `Bearer ${valid} ${valid}`, `Bearer ${valid},Bearer ${valid}`, "Bearer ", ""]) {
    await expectRefused(header, /Jeton refusé : l'en-tête doit être exactement « Authorization: Bearer <jeton> »/);
  }
  expect(await grants()).toEqual(before);
});

test("an expired token: 401, says so", async () => {
  await expectRefused(`Bearer ${await signed({ org: "caf:44", iat: now() - 7200, exp: now() - 3600 })}`, /Jeton expiré/);
});

test("a token without exp, or with a lifetime over 12 h, is refused by the gateway", async () => {
  await expectRefused(`Bearer ${await signed({ org: "caf:44", iat: now() })}`, /sans date d'expiration \(exp\)/);
  await expectRefused(`Bearer ${await signed({ org: "caf:44", exp: now() + 3600 })}`, /sans date d'émission \(iat\)/);
  await expectRefused(`Bearer ${await signed({ org: "caf:44", iat: now(), exp: now() + 24 * 3600 })}`, /durée de vie.*12 h au plus/);
});

test("the subgraphs refuse the same tokens, even when the gateway's signature holds", async () => {
  const ask = async (token: string) => {
    const body = { query: WRITE, variables: { input: INPUT } };
    const response = await fetch(hub.subgraphs.caf.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, extensions: { "hmac-signature": signRequest(hub.auth.config.hmacSecret, body), jwt: { token } } }),
    });
    return response.status;
  };
  expect(await ask(await signed({ org: "caf:44", iat: now(), exp: now() + 3600 }))).toBe(200);
  expect(await ask(await signed({ org: "caf:44", iat: now() }))).toBe(401);
  expect(await ask(await signed({ org: "caf:44", iat: now(), exp: now() + 24 * 3600 }))).toBe(401);
});

test("a well-signed token for an organisation that does not exist is refused at the gateway; public reads go on", async () => {
  await expectRefused(`Bearer ${await signed({ org: "caf:99", iat: now(), exp: now() + 3600 })}`, /Organisation inconnue.*caf:99/);
  await expectRefused(`Bearer ${await signed({ iat: now(), exp: now() + 3600 })}`, /Organisation inconnue/);
  const read = await hub.query(contractQuery("CafDepartment"), { department: "44", year: 2021 });
  expect(read.errors).toBeUndefined();
  expect(read.data.department.code).toBe("44");
});

test("a token of the local key (npm run token) is accepted", async () => {
  const response = await post(`Bearer ${await hub.auth.token("caf:44")}`, {
    query: WRITE,
    variables: { input: { ...INPUT, title: "Autre subvention (fictif)" } },
  });
  expect(response.status).toBe(200);
  expect((await response.json()).errors).toBeUndefined();
});
