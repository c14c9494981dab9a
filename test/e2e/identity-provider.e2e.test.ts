/** Tokens of an OIDC provider (JWKS URL): accepted when issuer and audience match, refused otherwise. */
import { SignJWT, generateKeyPair } from "jose";
import { startTestHub, TestHub } from "../support/hub";
import { createJwksTestAuth } from "../support/auth";

const ISSUER = "https://auth.example.test/api/v2";
const AUDIENCE = "hub-1000-jours";
let hub: TestHub;
let auth: Awaited<ReturnType<typeof createJwksTestAuth>>;
beforeAll(async () => {
  auth = await createJwksTestAuth(ISSUER, AUDIENCE);
  hub = await startTestHub({ auth });
});
afterAll(async () => {
  await (hub as TestHub | undefined)?.stop();
  await (auth as Awaited<ReturnType<typeof createJwksTestAuth>> | undefined)?.stopJwks();
});

const write = `mutation($input: ParentalityGrantInput!) { recordParentalityGrant(input: $input) { id } }`;
const input = {
  department: "44",
  year: 2024,
  fund: "CAF_FNP",
  siret: "73282932000074",
  structureName: "Association",
  title: "Subvention",
  amount: 100,
};

test("a token of the provider, checked against its JWKS at the gateway and in the subgraph, writes", async () => {
  const result = await hub.query(write, { input }, undefined, await auth.token("caf:44"));
  expect(result.errors).toBeUndefined();
  expect(result.data.recordParentalityGrant.id).toMatch(/^\d+$/);
});

test("a token signed by another key, or for another audience, is refused", async () => {
  const { privateKey } = await generateKeyPair("RS256");
  const foreign = await new SignJWT({ org: "caf:44" })
    .setProtectedHeader({ alg: "RS256", kid: "test-key" })
    .setSubject("x")
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime("1h")
    .sign(privateKey);
  const forged = await hub.query(write, { input: { ...input, title: "Autre" } }, undefined, foreign);
  expect(forged.data?.recordParentalityGrant ?? null).toBeNull();
  expect(forged.errors?.length).toBeGreaterThan(0);
  const wrongAudience = await hub.query(
    write,
    { input: { ...input, title: "Autre" } },
    undefined,
    await auth.token("caf:44", { audience: "another-service" }),
  );
  expect(wrongAudience.errors?.length).toBeGreaterThan(0);
  expect(wrongAudience.data?.recordParentalityGrant ?? null).toBeNull();
});

test("a token whose key id the provider does not publish: 401 in French, not an internal error", async () => {
  const { privateKey } = await generateKeyPair("RS256");
  const unknownKey = await new SignJWT({ org: "caf:44" })
    .setProtectedHeader({ alg: "RS256", kid: "cle-inconnue" })
    .setSubject("x")
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(privateKey);
  const response = await fetch(hub.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${unknownKey}` },
    body: JSON.stringify({ query: write, variables: { input } }),
  });
  expect(response.status).toBe(401);
  const body = await response.json();
  expect(body.errors[0]).toMatchObject({
    message: expect.stringMatching(/clé de signature.*cle-inconnue/),
    extensions: { code: "UNAUTHENTICATED" },
  });
});
