/**
 * A V8 CPU profile (.cpuprofile) summed up: the busy time per request, and the functions and
 * packages it went to (self time: where the samples landed). Native work of an addon (SQLite) is
 * counted in the JavaScript function that called it, as V8 sees it.
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuSummary {
  /** ms per request, idle excluded, garbage collection included. */
  busyMs: number;
  gcMs: number;
  /** The heaviest functions, "name (package)", with their ms per request. */
  functions: { name: string; ms: number }[];
  packages: { name: string; ms: number }[];
}

const IDLE = new Set(["(idle)", "(program)"]);
const MAX_SAMPLE_US = 1000;

/** The package of a script URL (`@scope/name`), our own path, or Node's internals. */
export function packageOf(url: string): string {
  if (!url) return "natif";
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)(?!.*node_modules)/.exec(url);
  if (inModules) return inModules[1];
  if (url.startsWith("node:")) return "node";
  const ours = /\/dist\/([^/]+\/[^/]+)/.exec(url);
  return ours ? ours[1] : url;
}

const top = (totals: Map<string, number>, count: number, requests: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000 / requests }));

export function summariseCpuProfile(file: string, requests: number, count = 6): CpuSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  // A sample's delta is the time since the previous one. The profiler takes none while the thread
  // waits (a session in process marks no idle samples), so the sample after a wait carries the
  // whole wait: a delta is counted up to 1 ms (5 sampling intervals), the rest is waiting.
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + Math.min(MAX_SAMPLE_US, profile.timeDeltas[i] ?? 0)));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (IDLE.has(functionName)) continue;
    busy += us;
    if (functionName === "(garbage collector)") gc += us;
    const pkg = packageOf(url);
    const name = `${functionName || "(anonyme)"} (${pkg})`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  return {
    busyMs: busy / 1000 / requests,
    gcMs: gc / 1000 / requests,
    functions: top(functions, count, requests),
    packages: top(packages, count, requests),
  };
}
