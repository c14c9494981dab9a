/**
 * The router profile's signing hop: what it forwards passes the subgraphs' own verification
 * (signature and token), so the Rust router reaches subgraphs that refuse unsigned requests.
 */
import http from "node:http";
import { AddressInfo } from "node:net";
import { createGatewayRequestVerifier, UnauthorizedRequest } from "../../subgraphs/platform/auth/gateway-request";
import { readSignerConfig } from "../../gateway/router-signer/config";
import { RunningSigner, startSigner } from "../../gateway/router-signer/server";
import { createTestAuth } from "../support/auth";

const auth = createTestAuth();
let upstream: http.Server;
let upstreamUrl: string;
let signer: RunningSigner;

beforeAll(async () => {
  const verify = createGatewayRequestVerifier(auth.config);
  // A stand-in subgraph that runs the real verifier and says who the caller is.
  upstream = http.createServer(
    (req, res) =>
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        try {
          const actor = await verify(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          res.end(JSON.stringify({ data: { organisation: actor?.organisation.id ?? null } }));
        } catch (error) {
          res.statusCode = error instanceof UnauthorizedRequest ? 401 : 500;
          res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
        }
      })().catch(() => res.destroy()),
  );
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`;
  signer = await startSigner({ ...readSignerConfig({ HUB_HMAC_SECRET: auth.config.hmacSecret, SUBGRAPH_URL_CAF: upstreamUrl }), port: 0 });
});
afterAll(async () => {
  await signer.stop();
  await new Promise((resolve) => upstream.close(resolve));
  auth.cleanup();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

test("a request through the hop passes the subgraph's signature check, with and without variables", async () => {
  for (const variables of [{ siret: "12345678901234" }, {}, undefined]) {
    const response = await post(`${signer.url}/caf/graphql`, {
      query: "query($siret: ID!) { structure(siret: $siret) { siret } }",
      variables,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { organisation: null } });
  }
});

test("the bearer token of the header reaches the subgraph, which verifies it", async () => {
  const token = await auth.token("caf:44");
  const response = await post(`${signer.url}/caf/graphql`, { query: "{ __typename }" }, { authorization: `Bearer ${token}` });
  expect(await response.json()).toEqual({ data: { organisation: "caf:44" } });
  const forged = await post(`${signer.url}/caf/graphql`, { query: "{ __typename }" }, { authorization: `Bearer ${token}x` });
  expect(forged.status).toBe(401);
});

test("without the hop the subgraph refuses; an unknown subgraph or a wrong secret is refused", async () => {
  expect((await post(upstreamUrl, { query: "{ __typename }" })).status).toBe(401);
  expect((await post(`${signer.url}/nowhere/graphql`, { query: "{ __typename }" })).status).toBe(404);
  const wrong = await startSigner({ ...readSignerConfig({ HUB_HMAC_SECRET: "x".repeat(32), SUBGRAPH_URL_CAF: upstreamUrl }), port: 0 });
  try {
    expect((await post(`${wrong.url}/caf/graphql`, { query: "{ __typename }" })).status).toBe(401);
  } finally {
    await wrong.stop();
  }
});

test("configuration: a short secret or a SUBGRAPH_URL of an unregistered subgraph stops the hop", () => {
  expect(() => readSignerConfig({ HUB_HMAC_SECRET: "short" })).toThrow(/HUB_HMAC_SECRET/);
  expect(() => readSignerConfig({ HUB_HMAC_SECRET: "x".repeat(32), SUBGRAPH_URL_NOWHERE: "http://x/graphql" })).toThrow(
    /SUBGRAPH_URL_NOWHERE/,
  );
  expect(readSignerConfig({ HUB_HMAC_SECRET: "x".repeat(32) }).targets.hub).toBe("http://127.0.0.1:4010/graphql");
});
