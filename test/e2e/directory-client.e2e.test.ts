/**
 * The call a funder write makes to the hub's structure directory, against a fake hub: a connection
 * reset under the request (a kept-alive socket the hub had just closed, seen under load) is tried
 * once more, since recording names is idempotent; a hub that keeps failing, or is too slow, refuses
 * the write in French. Fictitious SIRET and names.
 */
import http from "node:http";
import { AddressInfo } from "node:net";
import { createStructureDirectory, NO_STRUCTURE_DIRECTORY } from "../../subgraphs/platform/directory/client";
import { parseOrganisation } from "../../subgraphs/platform/auth/organisation";
import { testSiret } from "../support/fixtures";

const actor = { subject: "test", organisation: parseOrganisation("caf:44")!, token: "jeton-fictif" };
const names = [{ siret: testSiret(9_001), name: "Structure (fictif)" }];

/** A fake hub: `behaviour(n)` decides what the n-th request gets; `bodies` are the requests it read. */
async function fakeHub(
  behaviour: (n: number, req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ url: string; requests: () => number; bodies: string[]; close: () => Promise<void> }> {
  let count = 0;
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      bodies.push(Buffer.concat(chunks).toString("utf8"));
      behaviour(++count, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => count,
    bodies,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
const answer = (res: http.ServerResponse) => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ data: { recordStructureNames: true } }));
};
const quietly = <T>(work: () => Promise<T>) => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => {});
  return work().finally(() => spy.mockRestore());
};

test("a connection reset under the first request: tried once more, recorded", async () => {
  const hub = await fakeHub((n, req, res) => (n === 1 ? req.socket.destroy() : answer(res)));
  const directory = createStructureDirectory({ url: hub.url, hmacSecret: "x".repeat(32) });
  await expect(quietly(() => directory.record(actor, names))).resolves.toBeUndefined();
  expect(hub.requests()).toBe(2);
  await hub.close();
});

test("a hub that resets every time: refused in French after two tries", async () => {
  const hub = await fakeHub((_n, req) => req.socket.destroy());
  const directory = createStructureDirectory({ url: hub.url, hmacSecret: "x".repeat(32) });
  await expect(quietly(() => directory.record(actor, names))).rejects.toMatchObject({
    extensions: { violations: [{ rule: "STRUCTURE_DIRECTORY_UNAVAILABLE" }] },
  });
  expect(hub.requests()).toBe(2);
  await hub.close();
});

test("a hub too slow: refused after one try (it may still be writing: no second request)", async () => {
  const hub = await fakeHub(() => {
    /* never answers */
  });
  const directory = createStructureDirectory({ url: hub.url, hmacSecret: "x".repeat(32), timeoutMs: 300 });
  await expect(quietly(() => directory.record(actor, names))).rejects.toMatchObject({
    message: /annuaire des structures du hub ne répond pas/,
  });
  expect(hub.requests()).toBe(1);
  await hub.close();
});

test("2 500 names: three calls of at most 1 000 names, in order", async () => {
  const hub = await fakeHub((_n, _req, res) => answer(res));
  const many = Array.from({ length: 2_500 }, (_, i) => ({ siret: testSiret(10_000 + i), name: `Structure ${i} (fictif)` }));
  await createStructureDirectory({ url: hub.url, hmacSecret: "x".repeat(32) }).record(actor, many);
  const sent = hub.bodies.map((b) => (JSON.parse(b) as { variables: { names: { siret: string }[] } }).variables.names);
  expect(sent.map((batch) => batch.length)).toEqual([1_000, 1_000, 500]);
  expect(sent.flat().map((n) => n.siret)).toEqual(many.map((n) => n.siret));
  await hub.close();
});

test("two directories side by side each call their own hub, whatever the other's state", async () => {
  const [up, down] = [await fakeHub((_n, _req, res) => answer(res)), await fakeHub((_n, req) => req.socket.destroy())];
  const mine = createStructureDirectory({ url: up.url, hmacSecret: "x".repeat(32) });
  const other = createStructureDirectory({ url: down.url, hmacSecret: "x".repeat(32) });
  await expect(quietly(() => other.record(actor, names))).rejects.toMatchObject({ message: /ne répond pas/ });
  await down.close();
  await expect(mine.record(actor, names)).resolves.toBeUndefined();
  expect([up.requests(), down.requests()]).toEqual([1, 2]);
  await up.close();
});

test("no directory configured (a server started without the hub's URL): a programming error, not the hub down", async () => {
  const refusal = NO_STRUCTURE_DIRECTORY.record(actor, names);
  await expect(refusal).rejects.toThrow(/Annuaire des structures non configuré/);
  await expect(refusal).rejects.not.toHaveProperty("extensions");
});
