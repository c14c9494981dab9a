/** The orchestrator's side of the benchmarked services: one child process each, driven over IPC. */
import { ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { ChildReply, ChildRequest } from "./child";

export interface Service {
  name: string;
  url: string;
  ask(type: ChildRequest["type"], file?: string): Promise<ChildReply>;
  stop(): Promise<void>;
}

/**
 * Starts `dist/bench/<script>.js` with the given environment; resolves once it listens.
 * BENCH_CHILD_NODE in `env`: the Node binary it runs on (bench/node-versions.ts), else the runner's.
 */
export function startService(name: string, script: string, env: Record<string, string>, timeoutMs = 120_000): Promise<Service> {
  const node = env.BENCH_CHILD_NODE;
  const child: ChildProcess = fork(path.join(__dirname, `${script}.js`), [], {
    env: { ...process.env, ...env },
    // another Node may not know the runner's flags
    ...(node ? { execPath: node, execArgv: [] } : {}),
    // Request logs (one JSON line per request) would flood the report: BENCH_LOGS=1 shows them.
    stdio: ["ignore", process.env.BENCH_LOGS === "1" ? "inherit" : "ignore", "inherit", "ipc"],
  });
  let nextId = 0;
  const pending = new Map<number, (reply: ChildReply) => void>();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${name} n'a pas démarré en ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} s'est arrêté au démarrage (code ${code})`));
    });
    child.on("message", (message: { type?: string; url?: string; id?: number }) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        const ask = (type: ChildRequest["type"], file?: string) => {
          const id = ++nextId;
          return new Promise<ChildReply>((done) => {
            pending.set(id, done);
            child.send({ id, type, file } satisfies ChildRequest);
          });
        };
        resolve({
          name,
          url: message.url!,
          ask,
          async stop() {
            const running = () => child.exitCode === null; // read again after each await
            if (!running()) return;
            const exited = new Promise((done) => child.once("exit", done));
            await Promise.race([ask("stop"), exited]);
            await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
            if (running()) child.kill("SIGKILL");
          },
        });
        return;
      }
      if (typeof message.id === "number") {
        pending.get(message.id)?.(message as ChildReply);
        pending.delete(message.id);
      }
    });
  });
}

/** The services a scenario starts, stopped together at its end (or when starting one fails). */
export function serviceGroup() {
  const started: Service[] = [];
  return {
    async track(service: Promise<Service>): Promise<Service> {
      const s = await service;
      started.push(s);
      return s;
    },
    stopAll: () => Promise.all(started.map((s) => s.stop())).then(() => undefined),
  };
}
