/**
 * The fixes of patches/ are applied to node_modules, to the version they were written for: a
 * dependency update or an install that skipped the postinstall script fails here, not in production.
 */
import fs from "node:fs";
import path from "node:path";

const PATCHES = path.resolve("patches");
const patchFiles = fs.readdirSync(PATCHES).filter((f) => f.endsWith(".patch"));

/** patch-package's file name: `@scope+name+version.patch` (or `name+version.patch`). */
function patchedPackage(file: string): { name: string; version: string } {
  const parts = file.replace(/\.patch$/, "").split("+");
  const version = parts.pop()!;
  return { name: parts.join("/"), version };
}

/** Each file the patch touches, with the lines it adds. */
function addedLines(patch: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of patch.split("\n")) {
    const target = /^\+\+\+ b\/(.+)$/.exec(line);
    if (target) files.set(target[1], (current = []));
    else if (current && line.startsWith("+") && line.slice(1).trim()) current.push(line.slice(1));
  }
  return files;
}

test("there is at least one patch, each named after a package and a version", () => {
  expect(patchFiles.length).toBeGreaterThan(0);
  for (const file of patchFiles) expect(patchedPackage(file).version).toMatch(/^\d+\.\d+\.\d+/);
});

test.each(patchFiles)("%s is applied to the installed version", (file) => {
  const { name, version } = patchedPackage(file);
  const installed = JSON.parse(fs.readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")) as { version: string };
  expect(installed.version).toBe(version);
  const files = addedLines(fs.readFileSync(path.join(PATCHES, file), "utf8"));
  expect(files.size).toBeGreaterThan(0);
  for (const [target, lines] of files) {
    const content = fs.readFileSync(path.resolve(target), "utf8");
    for (const line of lines) expect(content).toContain(line);
  }
});
