/**
 * `npm start`: the whole hub from one terminal — every registered subgraph of this repository and
 * the gateway, each in its own process as in production, on embedded SQLite by default
 * (DATABASE_URL for PostgreSQL). Reference data load on first start, the fictitious demo set too
 * unless `--no-demo`. `<NAME>_PORT` and `GATEWAY_PORT` choose the ports. A process that dies is
 * restarted, with a bounded backoff, and the log says so. Ctrl-C stops everything cleanly.
 */
import { ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { readRegistry } from "../subgraphs/platform/federation/registry";
import { ensureLocalSecrets, localAuthEnv } from "../subgraphs/platform/auth/config";
import { readDatabaseConfig, readPort } from "../subgraphs/platform/config";

const noDemo = process.argv.includes("--no-demo");
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
  // Embedded set-up: this installation's own token key pair and gateway secret, made on first start.
  const authEnv = process.env.HUB_HMAC_SECRET ? {} : localAuthEnv(ensureLocalSecrets(readDatabaseConfig().dataDir));
  Object.assign(process.env, authEnv);
  const local = readRegistry().filter((s) => new URL(s.routingUrl).hostname === "127.0.0.1");
  // <NAME>_PORT wins over the registry's port; the gateway is told where each subgraph then is,
  // and every funder where the hub is (its writes tell the hub's structure directory).
  const placed = local.map((subgraph) => {
    const name = subgraph.name.toUpperCase();
    const url = new URL(subgraph.routingUrl);
    url.port = String(readPort(`${name}_PORT`, Number(url.port)));
    return {
      subgraph,
      portVariable: `${name}_PORT`,
      url,
      urlVariable: `SUBGRAPH_URL_${name}`,
      reachAt: process.env[`SUBGRAPH_URL_${name}`] || url.toString(),
    };
  });
  const gatewayEnv = Object.fromEntries(placed.map((p) => [p.urlVariable, p.reachAt]));
  const hubEnv = { SUBGRAPH_URL_HUB: placed.find((p) => p.subgraph.name === "hub")?.reachAt ?? process.env.SUBGRAPH_URL_HUB ?? "" };
  for (const { subgraph, portVariable, url } of placed) {
    run(subgraph.name, path.join(dist, "subgraphs", subgraph.name, "index.js"), {
      [portVariable]: url.port,
      ...(hubEnv.SUBGRAPH_URL_HUB ? hubEnv : {}),
    });
  }
  const urls = placed.map((p) => p.url);
  await Promise.all(urls.map((url) => waitReady(new URL("/ready", url).toString())));
  run("gateway", path.join(dist, "gateway", "index.js"), gatewayEnv);
  const gatewayUrl = `http://127.0.0.1:${process.env.GATEWAY_PORT || 4000}/graphql`;
  await waitReady(`${new URL("/healthcheck", gatewayUrl)}`);
  console.log(`\nHub prêt en ${((Date.now() - started) / 1000).toFixed(1)} s. GraphiQL : ${gatewayUrl}`);
  console.log("Jeton d'un partenaire : npm run token -- caf:44   (Ctrl-C pour arrêter)\n");
}

main().catch((error: unknown) => {
  console.error("Échec du démarrage du hub :", error instanceof Error ? error.message : error);
  void stop(1);
});
