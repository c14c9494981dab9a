import fs from "node:fs";
import inspector from "node:inspector";

/**
 * The child side of a benchmarked service (one process per service, as in production): it starts
 * the service, reports its URL, answers the orchestrator's questions over IPC (counters, peak
 * RSS) and stops on request.
 */
export interface ChildService {
  url: string;
  stats?: () => Record<string, number>;
  stop(): Promise<void>;
}

/** `cpuStart`/`cpuStop`: V8's sampling profiler around some requests (the `--only cpu` scenario); cpuStop writes `file`. */
export type ChildRequest = { id: number; type: "stats" | "resetPeak" | "stop" | "cpuStart" | "cpuStop"; file?: string };
export interface ChildReply {
  id: number;
  stats: Record<string, number>;
  rss: number;
  peakRss: number;
}

/** The profiler of the cpu scenario: started and stopped on the orchestrator's request. */
function requestedProfiler() {
  let session: inspector.Session | null = null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session!.post(method, params ?? {}, (error: Error | null, result?: unknown) => (error ? reject(error) : resolve(result))),
    );
  return {
    async start() {
      session = new inspector.Session();
      session.connect();
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval: 200 });
      await post("Profiler.start");
    },
    async stop(file: string) {
      const { profile } = (await post("Profiler.stop")) as { profile: unknown };
      fs.writeFileSync(file, JSON.stringify(profile));
      session!.disconnect();
      session = null;
    },
  };
}

/**
 * BENCH_CPU_PROFILE=<prefix>: a V8 CPU profile of each service, written when it stops to
 * <prefix>.<service>.<pid>.cpuprofile (--cpu-prof is refused in NODE_OPTIONS).
 */
function startProfiler(prefix: string | undefined, name: string): () => Promise<void> {
  if (!prefix) return () => Promise.resolve();
  const file = `${prefix}.${name.replace(/[^\w@.-]+/g, "_")}.${process.pid}.cpuprofile`;
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable", () => session.post("Profiler.start"));
  return () =>
    new Promise((resolve) =>
      session.post("Profiler.stop", (error, result) => {
        if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
        resolve();
      }),
    );
}

export function serveChild(name: string, start: () => Promise<ChildService>): void {
  if (!process.send) throw new Error(`${name} doit être lancé par le banc d'essai (canal IPC absent).`);
  const stopProfiler = startProfiler(process.env.BENCH_CPU_PROFILE, name);
  const profiler = requestedProfiler();
  let peakRss = process.memoryUsage.rss();
  // Sampled often enough to see the peak of a load run, cheap enough not to weigh on it.
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50).unref();
  // An orchestrator that dies must not leave services behind.
  process.once("disconnect", () => process.exit(1));
  start()
    .then((service) => {
      process.send!({ type: "ready", url: service.url });
      process.on(
        "message",
        (message: ChildRequest) =>
          void (async () => {
            const rss = process.memoryUsage.rss();
            peakRss = Math.max(peakRss, rss);
            const reply: ChildReply = { id: message.id, stats: service.stats?.() ?? {}, rss, peakRss };
            if (message.type === "resetPeak") peakRss = rss;
            if (message.type === "cpuStart") await profiler.start();
            if (message.type === "cpuStop") await profiler.stop(message.file!);
            if (message.type === "stop") {
              await service.stop();
              await stopProfiler();
              process.send!(reply, () => process.exit(0));
              return;
            }
            process.send!(reply);
          })().catch((error: unknown) => {
            console.error(`[${name}] échec :`, error);
            process.exit(1);
          }),
      );
    })
    .catch((error: unknown) => {
      console.error(`[${name}] échec du démarrage :`, error);
      process.exit(1);
    });
}
