/**
 * The stamp a replica owes after a write whose stamp failed: owed until one stamp of `unscoped`
 * goes through, widened writes pay it, a failure during a stamp is not paid by it, one attempt at a
 * time. The shared store is a list of the stamps it received, reachable or not at will.
 */
import { UNSCOPED } from "./cache-scopes";
import { LogLine, stampDebt } from "./stamp-debt";

function sharedStore() {
  const store = {
    reachable: true,
    stamps: [] as string[][],
    /** Stamps held, to interleave a failure with a stamp in flight. */
    held: [] as (() => void)[],
    hold: false,
    /** Reachable or not as the call is made, answered at once or when the test releases it (held). */
    stamp: async (scopes: readonly string[]) => {
      const reachable = store.reachable;
      if (store.hold) await new Promise<void>((resolve) => store.held.push(resolve));
      if (!reachable) throw new Error("connect ECONNREFUSED");
      store.stamps.push([...scopes]);
    },
  };
  return store;
}
const logs = () => {
  const lines: Parameters<LogLine>[0][] = [];
  return { lines, log: (entry: Parameters<LogLine>[0]) => void lines.push(entry) };
};

test("nothing owed: a write stamps its own scopes, and settling stamps nothing", async () => {
  const store = sharedStore();
  const debt = stampDebt(store.stamp, logs().log);
  await debt.bump(["department:44", "any"]);
  expect(await debt.settle()).toBe(true);
  expect(store.stamps).toEqual([["department:44", "any"]]);
  expect(debt.owed()).toBe(false);
});

test("a failed stamp is owed until a stamp of everything goes through, logged once going in and once out", async () => {
  const store = sharedStore();
  const { lines, log } = logs();
  const debt = stampDebt(store.stamp, log);
  store.reachable = false;
  await debt.bump(["department:44"]);
  await debt.bump(["region:52"]);
  expect(debt.owed()).toBe(true);
  expect(await debt.settle()).toBe(false); // still unreachable
  expect(debt.owed()).toBe(true);
  expect(lines).toEqual([expect.objectContaining({ level: "error", error: "Error: connect ECONNREFUSED" })]);
  store.reachable = true;
  expect(await debt.settle()).toBe(true);
  expect(store.stamps).toEqual([[UNSCOPED]]);
  expect(debt.owed()).toBe(false);
  expect(lines.map((line) => line.level)).toEqual(["error", "info"]);
  await debt.bump(["department:44"]); // paid: the next write is its own scopes again
  expect(store.stamps[1]).toEqual(["department:44"]);
});

test("while owed, a write's stamp is widened to everything, which pays the debt", async () => {
  const store = sharedStore();
  const debt = stampDebt(store.stamp, logs().log);
  store.reachable = false;
  await debt.bump(["department:44"]);
  store.reachable = true;
  await debt.bump(["department:29", "region:53"]);
  expect(store.stamps).toEqual([["department:29", "region:53", UNSCOPED]]);
  expect(debt.owed()).toBe(false);
});

test("a stamp that fails while a stamp of everything is in flight is not paid by it", async () => {
  const store = sharedStore();
  const debt = stampDebt(store.stamp, logs().log);
  store.reachable = false;
  await debt.bump(["department:44"]);
  store.hold = true;
  store.reachable = true;
  const settling = debt.settle(); // goes through…
  store.reachable = false;
  // …but a second write's stamp fails after it started: it may have been applied before that write committed
  const failing = debt.bump(["region:11"]);
  const [settled, failed] = store.held.splice(0);
  failed(); // the failure is known before the stamp of everything is acknowledged
  await failing;
  settled();
  await settling;
  expect(store.stamps).toEqual([[UNSCOPED]]);
  expect(debt.owed()).toBe(true);
  store.hold = false;
  store.reachable = true;
  expect(await debt.settle()).toBe(true);
  expect(store.stamps).toEqual([[UNSCOPED], [UNSCOPED]]);
  expect(debt.owed()).toBe(false);
});

test("concurrent lookups share one attempt at paying", async () => {
  const store = sharedStore();
  const debt = stampDebt(store.stamp, logs().log);
  store.reachable = false;
  await debt.bump(["department:44"]);
  store.reachable = true;
  expect(await Promise.all([debt.settle(), debt.settle(), debt.settle()])).toEqual([true, true, true]);
  expect(store.stamps).toEqual([[UNSCOPED]]);
});
