/**
 * What a partner does after `npm run subgraph:new`, in a whole copy of the repository (outside
 * it, with its own build): format the generated code, compose, then run the test the scaffold
 * generated, as a whole and each of its tests alone, so that none leans on another's writes. On
 * the engine of this run (TEST_DB). Slow: a build, a composition and five jest runs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSubgraphNew } from "../../scripts/subgraph-new";

const REPO = path.resolve(__dirname, "../..");
const NAME = "partenaires";
const TEST_FILE = `test/e2e/${NAME}.e2e.test.ts`;
const COPIED = [
  "subgraphs",
  "fixtures",
  "gateway",
  "scripts",
  "schema",
  "deploy",
  "test/support",
  "docker-compose.yml",
  "jest.config.js",
  "tsconfig.json",
  "package.json",
  ".swcrc",
  ".prettierrc.json",
];
let root: string;

/** A node script in the copy; its output, to show when it fails. */
function run(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", timeout: 300_000, env: { ...process.env } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const runJest = (...args: string[]) =>
  run("--experimental-vm-modules", "node_modules/jest/bin/jest.js", "--selectProjects", "e2e", ...args);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "hub-partner-"));
  for (const entry of COPIED) fs.cpSync(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"), "dir");
  const io = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(t) };
  expect(
    runSubgraphNew([NAME, "--source", "LOCAL_AUTHORITY", "--org", "cd", "--funder", "Partenaire (fictif)", "--root", root], io, REPO),
  ).toBe(0);
  // the partner's next steps, as the scaffold prints them
  expect(run("node_modules/prettier/bin/prettier.cjs", "--write", `subgraphs/${NAME}`, TEST_FILE, "subgraphs/registry.ts")).toMatchObject({
    status: 0,
  });
  const build = run(
    "node_modules/@swc/cli/bin/swc.js",
    "subgraphs",
    "fixtures",
    "gateway",
    "scripts",
    "-d",
    "dist",
    "--copy-files",
    "--quiet",
  );
  expect(build).toMatchObject({ status: 0 });
  expect(run("dist/scripts/compose.js")).toMatchObject({ status: 0 });
}, 600_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test("the generated test passes in the partner's copy", () => {
  const { status, output } = runJest(TEST_FILE);
  expect(output).toMatch(/Tests:\s+4 passed, 4 total/);
  expect(status).toBe(0);
}, 300_000);

test("each generated test passes alone", () => {
  const names = [...fs.readFileSync(path.join(root, TEST_FILE), "utf8").matchAll(/^test\("([^"]+)"/gm)].map((m) => m[1]);
  expect(names).toHaveLength(4);
  for (const name of names) {
    const { status, output } = runJest(TEST_FILE, "-t", `^${escape(name)}$`);
    expect([name, output.match(/Tests:.*$/m)?.[0]]).toEqual([name, "Tests:       3 skipped, 1 passed, 4 total"]);
    expect(status).toBe(0);
  }
}, 600_000);
