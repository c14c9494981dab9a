/**
 * Two hubs in one process, each with its own structure directory: a funder's writes tell the hub
 * its own server was configured with, whatever another hub started or stopped beside it did. (When
 * the directory was a process-wide setting, the second hub's start pointed the first hub's writes
 * at the second hub, and its stop left them refused: STRUCTURE_DIRECTORY_UNAVAILABLE.)
 * Fictitious SIRET and names.
 */
import { contractQuery } from "../support/contract";
import { startTestHub, TestHub } from "../support/hub";
import { testSiret } from "../support/fixtures";

const SIRET = testSiret(4_401);
const NAME = "Relais petite enfance « Les Hérons » (fictif)";
const nameQuery = "query($siret: ID!) { structure(siret: $siret) { name } }";

let first: TestHub;
beforeAll(async () => {
  first = await startTestHub();
  const second = await startTestHub();
  await second.stop();
});
afterAll(() => (first as TestHub | undefined)?.stop());

test("the second hub stopped, a write through the first succeeds and its structure name shows through the first gateway", async () => {
  const written = await first.query(
    contractQuery("RecordParentalityGrant"),
    {
      input: {
        department: "44",
        year: 2024,
        fund: "CAF_FNP",
        siret: SIRET,
        structureName: NAME,
        title: "Accueil du mercredi",
        amount: 900,
      },
    },
    undefined,
    await first.auth.token("caf:44"),
  );
  expect(written.errors).toBeUndefined();
  expect(written.data?.recordParentalityGrant).toMatchObject({ id: expect.stringMatching(/^\d+$/) });
  const read = await first.query(nameQuery, { siret: SIRET });
  expect(read.errors).toBeUndefined();
  expect(read.data?.structure.name).toBe(NAME);
});
