/**
 * The hub sums whatever contributions the gateway's query plan hands it: a funder registered after
 * the hub started is counted as soon as the gateway serves the new supergraph, no hub restart.
 */
import { startTestHub, TestHub } from "../support/hub";
import { signRequest } from "../../gateway/router-signer/server";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => (hub as TestHub | undefined)?.stop());

test("a contribution field the hub did not know at start is summed; the name a funder reports is not the structure's name (the directory's is)", async () => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { name crossFinancing { total complete missingFunders partialTotal funders bySource { source amount } } } } }`;
  const representation = {
    __typename: "Structure",
    siret: "73282932000074",
    arsContribution: { lines: [{ year: 2025, source: "FIR", funder: "ARS Bretagne", cents: 1_000_000 }], recordedName: null },
    collectivitesContribution: {
      lines: [{ year: 2025, source: "LOCAL_AUTHORITY", funder: "Commune de Rennes", cents: 250_050 }],
      recordedName: "Association nouvelle",
    },
  };
  const body = { query, variables: { r: [representation] } };
  const response = await fetch(hub.subgraphs.hub.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...body, extensions: { "hmac-signature": signRequest(hub.auth.config.hmacSecret, body) } }),
  });
  const { data, errors } = await response.json();
  expect(errors).toBeUndefined();
  expect(data._entities[0]).toEqual({
    name: null, // no write recorded this SIRET in the hub's structure directory
    // the other registered funders' contributions are not in this representation: partial, and said so
    crossFinancing: {
      total: null,
      complete: false,
      missingFunders: ["caf", "departements", "dreets", "maisons"],
      partialTotal: 12500.5,
      funders: ["ARS Bretagne", "Commune de Rennes"],
      bySource: [
        { source: "FIR", amount: 10000 },
        { source: "LOCAL_AUTHORITY", amount: 2500.5 },
      ],
    },
  });
});
