/**
 * `npm start`: the whole hub from one terminal — every registered subgraph of this repository and
 * the gateway, each in its own process as in production, on embedded SQLite by default
 * (DATABASE_URL for PostgreSQL). Reference data load on first start, the fictitious demo set too
 * unless `--no-demo`. Ctrl-C stops everything cleanly.
 */
import { ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { readRegistry } from "../subgraphs/shared/federation/registry";
import { ensureLocalSecrets, localAuthEnv } from "../subgraphs/shared/auth/config";
import { readDatabaseConfig } from "../subgraphs/shared/config";

const noDemo = process.argv.includes("--no-demo");
const dist = path.resolve(__dirname, "..");
const children: ChildProcess[] = [];

function run(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [script, ...(noDemo ? ["--no-demo"] : [])], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}]`.padEnd(10);
  child.stdout!.on("data", (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `${prefix} `)));
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `${prefix} `)));
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${prefix} arrêté (code ${code ?? signal}) : arrêt du hub.`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
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
  await Promise.all(children.map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  })));
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
  for (const subgraph of local) {
    const port = new URL(subgraph.routingUrl).port;
    run(subgraph.name, path.join(dist, "subgraphs", subgraph.name, "index.js"), { [`${subgraph.name.toUpperCase()}_PORT`]: port });
  }
  await Promise.all(local.map((s) => waitReady(new URL("/ready", s.routingUrl).toString())));
  run("gateway", path.join(dist, "gateway", "index.js"), {});
  const gatewayUrl = `http://127.0.0.1:${process.env.GATEWAY_PORT || 4000}/graphql`;
  await waitReady(`${new URL("/healthcheck", gatewayUrl)}`);
  console.log(`\nHub prêt en ${((Date.now() - started) / 1000).toFixed(1)} s. GraphiQL : ${gatewayUrl}`);
  console.log("Jeton d'un partenaire : npm run token -- caf:44   (Ctrl-C pour arrêter)\n");
}

main().catch((error) => {
  console.error("Échec du démarrage du hub :", error instanceof Error ? error.message : error);
  void stop(1);
});
