/**
 * `npm run bench -- --only cpu`: where the CPU of an uncached contract read goes, process by
 * process (our gateway without cache, each subgraph). For each read, every process's V8 sampling
 * profiler runs around N requests sent one at a time (startup and the other reads excluded); the
 * profiles are kept for Chrome DevTools and summed up in bench/CPU.md (`--short`: 0.05× of the
 * national data, a temporary file).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureLocalSecrets, localAuthEnv } from "../subgraphs/platform/auth/config";
import { NATIONAL_SCALE, scaled } from "./dataset";
import { buildDatabases, gatewayEnvOf, startSubgraphServices } from "./setup";
import { Service, serviceGroup, startService } from "./services";
import { benchOperations } from "./operations";
import { postJson } from "./http";
import { CpuSummary, summariseCpuProfile } from "./cpu-summary";

export interface CpuRow {
  operation: string;
  requests: number;
  /** Mean time seen by the client, ms. */
  clientMs: number;
  processes: Record<string, CpuSummary>;
}

export async function cpuProfiles(scale: number, requests: number, profileDir: string, log: (m: string) => void): Promise<CpuRow[]> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-cpu-"));
  const services = serviceGroup();
  const track = (service: Promise<Service>) => services.track(service);
  try {
    log(`profil CPU : jeu de données (échelle ${scale})…`);
    const samples = await buildDatabases(workDir, scaled(NATIONAL_SCALE, scale));
    const authEnv = localAuthEnv(ensureLocalSecrets(workDir));
    const subgraphs = await startSubgraphServices(workDir, authEnv, track);
    const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url]));
    const gateway = await track(
      startService("passerelle (sans cache)", "hive-gateway-main", gatewayEnvOf(authEnv, urls, { BENCH_GATEWAY_VARIANT: "no-cache" })),
    );
    const processes: Record<string, Service> = { passerelle: gateway, ...subgraphs };
    const rows: CpuRow[] = [];
    for (const op of await benchOperations(samples, gateway.url)) {
      // one warm round (plans, prepared statements, JIT) before the profiled one
      for (const body of op.bodies.slice(0, 3)) await postJson(gateway.url, body);
      log(`profil CPU : ${op.name}, ${requests} requêtes…`);
      await Promise.all(Object.values(processes).map((p) => p.ask("cpuStart")));
      let clientMs = 0;
      for (let i = 0; i < requests; i++) {
        const startedAt = performance.now();
        await postJson(gateway.url, op.bodies[i % op.bodies.length]);
        clientMs += performance.now() - startedAt;
      }
      const summaries: Record<string, CpuSummary> = {};
      for (const [name, service] of Object.entries(processes)) {
        const file = path.join(profileDir, `${op.name}.${name}.cpuprofile`);
        await service.ask("cpuStop", file);
        summaries[name] = summariseCpuProfile(file, requests);
      }
      rows.push({ operation: op.name, requests, clientMs: clientMs / requests, processes: summaries });
    }
    return rows;
  } finally {
    await services.stopAll();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => value.toFixed(1);

export function renderCpuProfiles(rows: readonly CpuRow[], profileDir: string): string {
  const lines = [
    `Une requête à la fois, sans cache ; temps CPU par requête (ms), échantillonné toutes les 200 µs par le profileur de V8 dans chaque processus, hors attente (\`(idle)\`). Le travail natif d'un module (SQLite) compte dans la fonction JavaScript qui l'appelle (\`query\` de typeorm). Profils complets, à ouvrir dans Chrome DevTools : \`${profileDir}\`.`,
    "",
  ];
  for (const row of rows) {
    lines.push(
      `### ${row.operation} (${row.requests} requêtes, ${ms(row.clientMs)} ms vus par le client)`,
      "",
      "| processus | CPU ms | dont GC | paquets les plus lourds | fonctions les plus lourdes |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const [name, s] of Object.entries(row.processes)) {
      const list = (items: { name: string; ms: number }[]) => items.map((i) => `${i.name} ${ms(i.ms)}`).join(" · ");
      lines.push(`| ${name} | ${ms(s.busyMs)} | ${ms(s.gcMs)} | ${list(s.packages.slice(0, 4))} | ${list(s.functions.slice(0, 5))} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
