import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { packageOf, summariseCpuProfile } from "../../bench/cpu-summary";

test("a frame's package: scoped or not, the innermost node_modules, Node's internals, our dist folders", () => {
  expect(packageOf("file:///app/node_modules/@graphql-hive/router-runtime/dist/index.cjs")).toBe("@graphql-hive/router-runtime");
  expect(packageOf("file:///app/node_modules/a/node_modules/typeorm/query.js")).toBe("typeorm");
  expect(packageOf("node:internal/streams/readable")).toBe("node");
  expect(packageOf("file:///app/dist/subgraphs/caf/caf.funder.js")).toBe("subgraphs/caf");
  expect(packageOf("")).toBe("natif");
});

test("self time per request: idle left out, a wait after which a sample lands capped at 1 ms", () => {
  const frame = (id: number, functionName: string, url = "") => ({ id, callFrame: { functionName, url, lineNumber: 0 } });
  const profile = {
    nodes: [
      frame(1, "(root)"),
      frame(2, "(idle)"),
      frame(3, "query", "file:///x/node_modules/typeorm/q.js"),
      frame(4, "(garbage collector)"),
    ],
    samples: [3, 3, 2, 4, 3],
    timeDeltas: [200, 200, 50_000, 300, 40_000],
  };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cpu-")), "p.cpuprofile");
  fs.writeFileSync(file, JSON.stringify(profile));
  const summary = summariseCpuProfile(file, 2);
  // query: 200 + 200 + 1000 (capped) µs; GC 300 µs; over 2 requests
  expect(summary.busyMs).toBeCloseTo((1400 + 300) / 1000 / 2, 6);
  expect(summary.gcMs).toBeCloseTo(0.15, 6);
  expect(summary.functions[0]).toEqual({ name: "query (typeorm)", ms: 0.7 });
  expect(summary.packages.map((p) => p.name)).toEqual(["typeorm", "natif"]);
});
