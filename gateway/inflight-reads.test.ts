import { inflightReads } from "./inflight-reads";

describe("reads joining the computation of the same answer", () => {
  test("a read of the same key at the same sequence gets the leader's answer; the entry goes once settled", async () => {
    const reads = inflightReads(60_000);
    expect(reads.join("dashboard:52", 7)).toBeNull();
    const settle = reads.lead("dashboard:52", 7);
    const joined = reads.join("dashboard:52", 7);
    expect(joined).not.toBeNull();
    settle({ data: { region: { code: "52" } } });
    await expect(joined).resolves.toEqual({ data: { region: { code: "52" } } });
    expect(reads.size()).toBe(0);
    expect(reads.join("dashboard:52", 7)).toBeNull();
  });

  test("a read at a later sequence (a write stamped since the leader read it) does not join", () => {
    const reads = inflightReads(60_000);
    reads.lead("dashboard:52", 7);
    expect(reads.join("dashboard:52", 8)).toBeNull();
    expect(reads.join("dashboard:76", 7)).toBeNull();
  });

  test("a newer computation replaces the older for later readers; the older's settle leaves it in place", async () => {
    const reads = inflightReads(60_000);
    const older = reads.lead("structure:1", 7);
    const olderJoined = reads.join("structure:1", 7);
    const newer = reads.lead("structure:1", 8);
    older({ data: "before the write" });
    await expect(olderJoined).resolves.toEqual({ data: "before the write" });
    const newerJoined = reads.join("structure:1", 8);
    expect(newerJoined).not.toBeNull();
    newer({ data: "after the write" });
    await expect(newerJoined).resolves.toEqual({ data: "after the write" });
    expect(reads.size()).toBe(0);
  });

  test("a computation without a cacheable answer hands null; settling twice keeps the first", async () => {
    const reads = inflightReads(60_000);
    const settle = reads.lead("k", 1);
    const joined = reads.join("k", 1);
    settle(null);
    settle({ data: "late" });
    await expect(joined).resolves.toBeNull();
  });

  test("a computation that never ends is left after the wait: its joiners get null and compute their own", async () => {
    jest.useFakeTimers();
    try {
      const reads = inflightReads(1_000);
      reads.lead("k", 1);
      const joined = reads.join("k", 1);
      jest.advanceTimersByTime(1_000);
      await expect(joined).resolves.toBeNull();
      expect(reads.size()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
