import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** A subgraph as production runs it: its own node process, from the built code (npm run build). */
export interface SubgraphProcess {
  url: string;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export async function subgraphProcess(name: string, env: Record<string, string>): Promise<SubgraphProcess> {
  const script = path.resolve("dist/subgraphs", name, "index.js");
  if (!fs.existsSync(script)) throw new Error(`${script} manque : lancez \`npm run build\` (npm test le fait).`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  return {
    url: `${base}/graphql`,
    async start() {
      child = spawn(process.execPath, [script, "--no-demo"], {
        env: { ...process.env, ...env, [`${name.toUpperCase()}_PORT`]: String(port), LOG_LEVEL: "error" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        try {
          if ((await fetch(`${base}/ready`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`le sous-graphe ${name} ne démarre pas`);
    },
    async kill(signal = "SIGKILL") {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once("exit", () => resolve());
        running.kill(signal);
      });
    },
  };
}
