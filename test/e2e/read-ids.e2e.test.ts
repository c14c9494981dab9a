/**
 * Reading a record by an id that is no row id: a 20-digit id (beyond PostgreSQL's integer) or a
 * malformed one reads as not found, exactly like an unknown 5-digit id, on SQLite and PostgreSQL
 * (on PostgreSQL a 10+ digit id answered "integer out of range", INTERNAL_SERVER_ERROR). Root
 * fields through the gateway; the entity references (__resolveReference) through a signed
 * _entities request to each subgraph, as the gateway sends it. All data is fictitious.
 */
import { startTestHub, TestHub } from "../support/hub";
import { signRequest } from "../../gateway/router-signer/server";

let hub: TestHub;
let token: string;
beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.auth.token("national");
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const OVERSIZED = "12345678901234567890";
const IDS = [OVERSIZED, "2147483648", "99999", "abc", "-1", "1.5"];

/** Each root field that reads one record by id, with the entity type it returns and the subgraph that owns it. */
const FIELDS = [
  { field: "healthCall", type: "HealthCall", subgraph: "ars" },
  { field: "healthProject", type: "HealthProject", subgraph: "ars" },
  { field: "socialCall", type: "SocialCall", subgraph: "dreets" },
  { field: "socialProject", type: "SocialProject", subgraph: "dreets" },
  { field: "parentalityGrant", type: "ParentalityGrant", subgraph: "caf" },
  { field: "departmentalCredit", type: "DepartmentalCredit", subgraph: "departements" },
  { field: "maisonProject", type: "MaisonProject", subgraph: "maisons" },
];

test.each(FIELDS)("$field: an oversized, unknown or malformed id reads as null through the gateway, no error", async ({ field }) => {
  for (const id of IDS) {
    const answer = await hub.query(`query Read($id: ID!) { ${field}(id: $id) { id } }`, { id }, "Read", token);
    expect({ id, answer }).toEqual({ id, answer: { data: { [field]: null } } });
  }
});

test.each(FIELDS)(
  "$type: an entity reference with an oversized, unknown or malformed id resolves to null, no error",
  async ({ type, subgraph }) => {
    const body = {
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id } } }`,
      variables: { r: IDS.map((id) => ({ __typename: type, id })) },
    };
    const response = await fetch(hub.subgraphs[subgraph].url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, extensions: { "hmac-signature": signRequest(hub.auth.config.hmacSecret, body) } }),
    });
    expect(await response.json()).toEqual({ data: { _entities: IDS.map(() => null) } });
  },
);
