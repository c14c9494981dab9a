/**
 * `npm start`: the whole hub from one terminal — every registered subgraph of this repository and
 * the gateway, each in its own process as in production, on embedded SQLite by default
 * (DATABASE_URL for PostgreSQL). Reference data load on first start, the fictitious demo set too
 * unless `--no-demo`. `<NAME>_PORT` and `GATEWAY_PORT` choose the ports. A process that dies is
 * restarted, with a bounded backoff, and the log says so. Ctrl-C stops everything cleanly.
 */
import { ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { ensureLocalSecrets, localAuthEnv } from "../subgraphs/platform/auth/config";
import { readStartConfig } from "./start-config";

let noDemo = false;
const dist = path.resolve(__dirname, "..");

/** A process dying is restarted after 0.5 s, then 1, 2, 4… up to 30 s; a run of a minute resets the count. */
const RESTART_FIRST_DELAY_MS = 500;
const RESTART_MAX_DELAY_MS = 30_000;
const RESTART_STABLE_MS = 60_000;

const restartDelayMs = (attempt: number) => Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** (attempt - 1));

interface Service {
  name: string;
  script: string;
  env: Record<string, string>;
  child: ChildProcess | null;
  attempts: number;
  startedAt: number;
  timer: NodeJS.Timeout | null;
}
const services: Service[] = [];

function launch(service: Service): void {
  const child = spawn(process.execPath, [service.script, ...(noDemo ? ["--no-demo"] : [])], {
    env: { ...process.env, ...service.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${service.name}]`.padEnd(10);
  service.child = child;
  service.startedAt = Date.now();
  console.log(`${prefix} démarré (pid ${child.pid})`);
  child.stdout.on("data", (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `${prefix} `)));
  child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `${prefix} `)));
  child.on("exit", (code, signal) => {
    if (stopping) return;
    // One process down does not stop the hub: the gateway answers without its data meanwhile.
    if (Date.now() - service.startedAt >= RESTART_STABLE_MS) service.attempts = 0;
    service.attempts++;
    const delay = restartDelayMs(service.attempts);
    console.error(`${prefix} arrêté (${code ?? signal}) : redémarrage dans ${delay / 1000} s (tentative ${service.attempts}).`);
    service.timer = setTimeout(() => {
      service.timer = null;
      if (!stopping) launch(service);
    }, delay);
  });
}

function run(name: string, script: string, env: Record<string, string>): void {
  const service: Service = { name, script, env, child: null, attempts: 0, startedAt: 0, timer: null };
  services.push(service);
  launch(service);
}

async function waitReady(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} ne répond pas après ${timeoutMs / 1000} s`);
}

let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const service of services) if (service.timer) clearTimeout(service.timer);
  await Promise.all(
    services.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (!child || child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function main() {
  const started = Date.now();
  const config = readStartConfig(process.env, process.argv);
  noDemo = !config.demo;
  // Embedded set-up: this installation's own token key pair and gateway secret, made on first start.
  Object.assign(process.env, config.ownSecrets ? {} : localAuthEnv(ensureLocalSecrets(config.dataDir)));
  // The gateway is told where each subgraph then is, and every funder where the hub is (its
  // writes tell the hub's structure directory).
  const gatewayEnv = Object.fromEntries(config.subgraphs.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, s.reachAt]));
  for (const { name, url } of config.subgraphs) {
    run(name, path.join(dist, "subgraphs", name, "index.js"), {
      [`${name.toUpperCase()}_PORT`]: url.port,
      ...(config.hubUrl ? { SUBGRAPH_URL_HUB: config.hubUrl } : {}),
    });
  }
  await Promise.all(config.subgraphs.map(({ url }) => waitReady(new URL("/ready", url).toString())));
  run("gateway", path.join(dist, "gateway", "index.js"), gatewayEnv);
  const gatewayUrl = `http://127.0.0.1:${config.gatewayPort}/graphql`;
  await waitReady(`${new URL("/healthcheck", gatewayUrl)}`);
  console.log(`\nHub prêt en ${((Date.now() - started) / 1000).toFixed(1)} s. GraphiQL : ${gatewayUrl}`);
  console.log("Jeton d'un partenaire : npm run token -- caf:44   (Ctrl-C pour arrêter)\n");
}

main().catch((error: unknown) => {
  console.error("Échec du démarrage du hub :", error instanceof Error ? error.message : error);
  void stop(1);
});
