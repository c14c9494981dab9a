import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Writes a scenario's results (`npm run bench -- --only <scenario>`) under its title and how it was
 * produced: to BENCH_RESULTS, else bench/<FILE>.md, or a temporary file for a `--short` run.
 */
export function writeScenarioFile(
  scenario: { only: string; short: boolean; file: string; title: string; about: string },
  markdown: string,
): string {
  const file = path.resolve(
    process.env.BENCH_RESULTS ?? (scenario.short ? path.join(os.tmpdir(), `hub-bench-${scenario.file}.md`) : `bench/${scenario.file}.md`),
  );
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  const command = `npm run bench -- --only ${scenario.only}${scenario.short ? " --short" : ""}`;
  fs.writeFileSync(
    file,
    `# Banc d'essai : ${scenario.title}\n\nProduit par \`${command}\` le ${when} UTC, Node ${process.version}, ${scenario.about}.\n\n${markdown}\n`,
  );
  return file;
}
