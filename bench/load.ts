/** Load generators and their statistics: autocannon for the headline numbers, a closed loop for the floor. */
import { EventEmitter } from "node:events";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
}

export function summarize(latencies: number[], seconds: number, failures: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
  return { requests: sorted.length, rps: sorted.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), failures };
}

/** A warm-up that ends when its last answer is in: nothing is left running on the servers. */
export async function autocannonWarmup(url: string, bodies: string[], connections: number, amount: number): Promise<void> {
  let next = 0;
  await autocannon({
    url,
    connections,
    amount,
    method: "POST",
    timeout: 120,
    headers: { "content-type": "application/json" },
    requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
}

/**
 * `connections` clients sending the bodies in turn for `seconds`. Latencies are taken from every
 * response (autocannon's own summary has no p95).
 */
export async function autocannonLoad(url: string, bodies: string[], connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: "POST",
        timeout: 120,
        headers: { "content-type": "application/json" },
        requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
      },
      (error: Error | null, done) => (error ? reject(error) : resolve(done)),
    );
    (instance as unknown as EventEmitter).on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
      if (status === 200) latencies.push(time);
    });
  });
  return summarize(latencies, seconds, result.errors + result.timeouts + result.non2xx);
}

/** `concurrency` workers running `task` back to back for `seconds`; each run is one sample. */
export async function closedLoop(concurrency: number, seconds: number, task: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          await task(next++);
          latencies.push(performance.now() - start);
        } catch (error) {
          if (failures++ === 0) console.error((error as Error).message);
        }
      }
    }),
  );
  return summarize(latencies, seconds, failures);
}
