/** The scenarios `npm run bench -- --only profile|growth|cpu|node` runs alone (scripts/bench.ts picks one). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CUT_VARIANTS, profileAtScales } from "./profile";
import { renderGrowth, renderProfile } from "./profile-report";
import { cpuProfiles, renderCpuProfiles } from "./cpu-profile";
import { nodeVersions, renderNodeVersions } from "./node-versions";
import { writeScenarioFile } from "./scenario-file";

export interface AloneSettings {
  /** `--short`: a small dataset, results in a temporary file. */
  short: boolean;
  /** BENCH_SCALE: the factor of the national data. */
  scale: number;
  log: (message: string) => void;
}

/**
 * `--only profile`: where an uncached read's time goes (national scale; `--short`: 0.05×);
 * `--only growth`: its cost at 1×, 2×, 4× the national data (`--short`: 0.05×, 0.1×, 0.2×).
 * BENCH_SCALES (comma list of factors) overrides; results in bench/PROFILE.md or a temporary file.
 */
export async function profileAlone(kind: "profile" | "growth", { short, scale, log }: AloneSettings) {
  const base = short ? 0.05 : scale;
  const scales = process.env.BENCH_SCALES
    ? process.env.BENCH_SCALES.split(",").map(Number)
    : kind === "profile"
      ? [base]
      : [base, 2 * base, 4 * base];
  // the profile measures the cuts side by side; the growth, the code as it is
  const rows = await profileAtScales(scales, short ? 10 : 30, log, kind === "profile" ? CUT_VARIANTS : undefined);
  const markdown = kind === "profile" ? renderProfile(rows) : renderGrowth(rows);
  const title = kind === "profile" ? "profil des lectures sans cache" : "croissance du coût";
  const about = `échelles ${scales.join(", ")} du jeu national, une requête à la fois`;
  const file = writeScenarioFile({ only: kind, short, file: kind.toUpperCase(), title, about }, markdown);
  console.log(`\n${markdown}`);
  log(`résultats écrits dans ${file}`);
}

/** `--only cpu`: V8 CPU profiles of every process around each uncached read (bench/cpu-profile.ts). */
export async function cpuAlone({ short, scale, log }: AloneSettings) {
  const profileDir = path.resolve(process.env.BENCH_CPU_DIR ?? path.join(os.tmpdir(), "hub-bench-cpu-profiles"));
  fs.mkdirSync(profileDir, { recursive: true });
  const factor = short ? 0.05 : scale;
  const markdown = renderCpuProfiles(await cpuProfiles(factor, short ? 10 : 30, profileDir, log), profileDir);
  const title = "où va le CPU d'une lecture sans cache";
  const file = writeScenarioFile({ only: "cpu", short, file: "CPU", title, about: `échelle ${factor} du jeu national` }, markdown);
  console.log(`\n${markdown}`);
  log(`résultats écrits dans ${file}`);
}

/** `--only node`: Node 20 against Node 24 for the children (bench/node-versions.ts); `--short`: 0.05×, 2 s per measurement. */
export async function nodeAlone({ short, scale, log }: AloneSettings) {
  const factor = short ? 0.05 : scale;
  const seconds = Number(process.env.BENCH_NODE_S ?? (short ? 2 : 5));
  const markdown = renderNodeVersions(await nodeVersions(factor, seconds, log), seconds);
  const about = `échelle ${factor} du jeu national, enfants sur Node 20 et 24`;
  const file = writeScenarioFile({ only: "node", short, file: "NODE", title: "Node 20 contre Node 24", about }, markdown);
  console.log(`\n${markdown}`);
  log(`résultats écrits dans ${file}`);
}
