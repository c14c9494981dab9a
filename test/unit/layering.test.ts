import fs from "node:fs";
import path from "node:path";

/**
 * Resolvers read through loaders and repositories, never the database itself (issue #13): a
 * resolver file (`*.resolver.ts`, and `*.reference.ts` for `__resolveReference`) that builds SQL or
 * reaches the ORM fails here. In the folders laid out this way, a resolver must live in such a file.
 */
const ROOT = path.join(__dirname, "..", "..", "subgraphs");
const LAID_OUT = ["regional-call", "hub", "maisons"];
const RESOLVER_FILE = /\.(resolver|reference)\.ts$/;
const DATA_ACCESS = ["createQueryBuilder", "getRepository(", ".query(", "manager."];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The data-access calls a resolver file makes, by line. */
export function dataAccessIn(source: string): string[] {
  return source.split("\n").flatMap((line, i) => DATA_ACCESS.filter((call) => line.includes(call)).map((call) => `${i + 1}: ${call}`));
}

const relative = (file: string) => path.relative(ROOT, file);
const resolverFiles = filesUnder(ROOT).filter((f) => RESOLVER_FILE.test(f));

describe("layering: no resolver writes SQL", () => {
  test("the scan finds what it looks for", () => {
    expect(dataAccessIn('const rows = await ctx.dataSource.getRepository(RegionRow).find();\nok();\nm.query("SELECT 1")')).toEqual([
      "1: getRepository(",
      "3: .query(",
    ]);
    expect(dataAccessIn("return ctx.loaders.region.load(code);")).toEqual([]);
  });

  test("every laid-out folder has resolver files", () => {
    for (const folder of LAID_OUT) expect(resolverFiles.some((f) => relative(f).startsWith(`${folder}${path.sep}`))).toBe(true);
  });

  test.each(resolverFiles.map((f) => [relative(f), f]))("%s reads through loaders and repositories", (_name, file) => {
    expect(dataAccessIn(fs.readFileSync(file, "utf8"))).toEqual([]);
  });

  test.each(LAID_OUT)("the resolvers of %s/ are in resolver files", (folder) => {
    const misplaced = filesUnder(path.join(ROOT, folder))
      .filter((f) => !RESOLVER_FILE.test(f))
      .filter((f) => /@Resolver\(|__resolveReference/.test(fs.readFileSync(f, "utf8")))
      .map(relative);
    expect(misplaced).toEqual([]);
  });
});
