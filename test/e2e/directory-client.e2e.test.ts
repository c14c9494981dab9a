/**
 * The call a funder write makes to the hub's structure directory, against a fake hub: a connection
 * reset under the request (a kept-alive socket the hub had just closed, seen under load) is tried
 * once more, since recording names is idempotent; a hub that keeps failing, or is too slow, refuses
 * the write in French. Fictitious SIRET and names.
 */
import http from "node:http";
import { AddressInfo } from "node:net";
import { recordInDirectory, useStructureDirectory } from "../../subgraphs/platform/directory/client";
import { parseOrganisation } from "../../subgraphs/platform/auth/organisation";
import { testSiret } from "../support/fixtures";

const actor = { subject: "test", organisation: parseOrganisation("caf:44")!, token: "jeton-fictif" };
const names = [{ siret: testSiret(9_001), name: "Structure (fictif)" }];

/** A fake hub: `behaviour(n)` decides what the n-th request gets. */
async function fakeHub(
  behaviour: (n: number, req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => behaviour(++count, req, res));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => count,
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
  useStructureDirectory({ url: hub.url, hmacSecret: "x".repeat(32) });
  await expect(quietly(() => recordInDirectory(actor, names))).resolves.toBeUndefined();
  expect(hub.requests()).toBe(2);
  await hub.close();
});

test("a hub that resets every time: refused in French after two tries", async () => {
  const hub = await fakeHub((_n, req) => req.socket.destroy());
  useStructureDirectory({ url: hub.url, hmacSecret: "x".repeat(32) });
  await expect(quietly(() => recordInDirectory(actor, names))).rejects.toMatchObject({
    extensions: { violations: [{ rule: "STRUCTURE_DIRECTORY_UNAVAILABLE" }] },
  });
  expect(hub.requests()).toBe(2);
  await hub.close();
});

test("a hub too slow: refused after one try (it may still be writing: no second request)", async () => {
  const hub = await fakeHub(() => {
    /* never answers */
  });
  useStructureDirectory({ url: hub.url, hmacSecret: "x".repeat(32), timeoutMs: 300 });
  await expect(quietly(() => recordInDirectory(actor, names))).rejects.toMatchObject({
    message: /annuaire des structures du hub ne répond pas/,
  });
  expect(hub.requests()).toBe(1);
  await hub.close();
});
