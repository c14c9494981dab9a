import { defaultExecutionRequestSerializer, useHmacUpstreamSignature } from "@graphql-hive/gateway";
import fc from "fast-check";
import { serializeExecutionRequest } from "@graphql-tools/executor-common";
import type { ExecutionRequest } from "@graphql-tools/utils";
import { parse } from "graphql";
import { readAuthConfig } from "../subgraphs/platform/auth/config";
import { createGatewayRequestVerifier } from "../subgraphs/platform/auth/gateway-request";
import { HMAC_EXTENSION, signedText, useSyncHmacSignature } from "./hmac-signing";

const secret = "un secret partagé d'au moins 32 caractères, é€";

/** Subgraph calls as the planner makes them: a root field, entity representations, unicode, empty variables. */
const calls: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: "no variables", query: "{ regions { code name } }" },
  { name: "empty variables", query: "query Q { regions { code } }", variables: {} },
  {
    name: "entity representations",
    query: "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Structure { siret } } }",
    variables: {
      representations: [
        { __typename: "Structure", siret: "12345678901234" },
        { siret: "98765432109876", __typename: "Structure", nested: { b: 2, a: [1, null, "x"] } },
      ],
    },
  },
  {
    name: "unicode and escapes",
    query: 'query($search: String) { structures(search: $search) { name } } # « Crèche » "quoted"',
    variables: { search: 'Maison des 1000 jours — Île-de-France 🍼 \u2028 \\ "', amount: 1234.56, flag: false, none: null },
  },
];

const silentLog = { child: () => silentLog, debug: () => undefined };
type SignHook = (payload: { subgraphName: string; subgraph: unknown; executionRequest: ExecutionRequest; log: unknown }) => unknown;

const requestOf = (call: (typeof calls)[number]): ExecutionRequest => ({ document: parse(call.query), variables: call.variables });

/** Hive Gateway's own plugin (Web Crypto), run as the gateway runs it. */
async function hiveSignature(call: (typeof calls)[number]): Promise<unknown> {
  const plugin = useHmacUpstreamSignature({ secret }) as { onYogaInit(p: unknown): void; onSubgraphExecute: SignHook };
  plugin.onYogaInit({ yoga: { fetchAPI: { TextEncoder, crypto: globalThis.crypto, btoa } } });
  const executionRequest = requestOf(call);
  await plugin.onSubgraphExecute({ subgraphName: "caf", subgraph: {}, executionRequest, log: silentLog });
  return executionRequest.extensions?.[HMAC_EXTENSION];
}

function syncSigned(call: (typeof calls)[number]): ExecutionRequest {
  const plugin = useSyncHmacSignature(secret) as { onSubgraphExecute: SignHook };
  const executionRequest = requestOf(call);
  void plugin.onSubgraphExecute({ subgraphName: "caf", subgraph: {}, executionRequest, log: silentLog });
  return executionRequest;
}

test.each(calls)("the synchronous signature equals Hive Gateway's for a call with $name", async (call) => {
  const expected = await hiveSignature(call);
  expect(typeof expected).toBe("string");
  expect(syncSigned(call).extensions?.[HMAC_EXTENSION]).toBe(expected);
});

test.each(calls)("a subgraph accepts the body the gateway sends for a call with $name, and refuses it altered", async (call) => {
  const verify = createGatewayRequestVerifier(readAuthConfig({ HUB_HMAC_SECRET: secret, AUTH_JWKS_URL: "https://idp.example/jwks.json" }));
  // the HTTP executor's body: the same serialisation, through JSON on the wire
  const body = JSON.parse(JSON.stringify(serializeExecutionRequest({ executionRequest: syncSigned(call) }))) as Record<string, unknown>;
  await expect(verify(body)).resolves.toBeNull();
  await expect(verify({ ...body, query: `${String(body.query)} ` })).rejects.toThrow("Signature de la passerelle invalide.");
});

test("the signature keeps the other extensions (the forwarded token)", () => {
  const plugin = useSyncHmacSignature(secret) as { onSubgraphExecute: SignHook };
  const executionRequest: ExecutionRequest = { ...requestOf(calls[0]), extensions: { jwt: { token: "t" } } };
  void plugin.onSubgraphExecute({ subgraphName: "caf", subgraph: {}, executionRequest, log: silentLog });
  expect(Object.keys(executionRequest.extensions ?? {}).sort()).toEqual([HMAC_EXTENSION, "jwt"]);
});

test("no secret, no gateway", () => {
  expect(() => useSyncHmacSignature("")).toThrow(/HUB_HMAC_SECRET/);
});

test("the signed text is Hive Gateway's serialisation for arbitrary variables (keys in any order, unicode, nesting)", () => {
  const document = parse("query($a: JSON) { regions { code } }");
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (variables) => {
      const executionRequest: ExecutionRequest = { document, variables };
      expect(signedText(executionRequest)).toBe(defaultExecutionRequestSerializer(executionRequest));
    }),
    { numRuns: 300 },
  );
});
