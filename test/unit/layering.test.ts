import fs from "node:fs";
import path from "node:path";

/**
 * Resolvers read through loaders and repositories, never the database itself (issue #13): a
 * resolver file (`*.resolver.ts`, and `*.reference.ts` for `__resolveReference`) that builds SQL or
 * reaches the ORM fails here. In every folder under subgraphs/ (read from the disk, so a new folder
 * cannot escape), a resolver must live in such a file.
 */
const ROOT = path.join(__dirname, "..", "..", "subgraphs");
const RESOLVER_FILE = /\.(resolver|reference)\.ts$/;
const DATA_ACCESS = ["createQueryBuilder", "getRepository(", ".query(", "manager."];
// a definition, not a mention in a comment ("attach the entities' __resolveReference")
const DEFINES_RESOLVER = /@Resolver\(|__resolveReference\s*[:(]/;

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

/** Whether a file defines a resolver or a `__resolveReference` without being named as a resolver file. */
export function misplacedResolver(file: string, source: string): boolean {
  return !RESOLVER_FILE.test(file) && DEFINES_RESOLVER.test(source);
}

const relative = (file: string) => path.relative(ROOT, file);
const allFiles = filesUnder(ROOT);
const resolverFiles = allFiles.filter((f) => RESOLVER_FILE.test(f));
const folders = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe("layering: no resolver writes SQL", () => {
  test("the scan finds what it looks for", () => {
    expect(dataAccessIn('const rows = await ctx.dataSource.getRepository(RegionRow).find();\nok();\nm.query("SELECT 1")')).toEqual([
      "1: getRepository(",
      "3: .query(",
    ]);
    expect(dataAccessIn("return ctx.loaders.region.load(code);")).toEqual([]);
  });

  test("the placement scan catches a resolver outside a resolver file", () => {
    const resolver = "@Resolver(() => Region)\nclass RegionFields {}";
    const reference = "Region: { __resolveReference: (ref) => ref }";
    expect(misplacedResolver("caf/line.resolvers.ts", resolver)).toBe(true);
    expect(misplacedResolver("caf/list-query.ts", reference)).toBe(true);
    expect(misplacedResolver("caf/line.resolver.ts", resolver)).toBe(false);
    expect(misplacedResolver("caf/line.reference.ts", reference)).toBe(false);
    expect(misplacedResolver("platform/schema.ts", "// attach the entities' __resolveReference.")).toBe(false);
  });

  test("the scan reads the resolver files of the block, the platform and the subgraphs", () => {
    const read = resolverFiles.map(relative);
    for (const file of ["funding-lines/line-list.resolver.ts", "platform/audit/audit-trail.resolver.ts", "hub/hub.reference.ts"])
      expect(read).toContain(path.join(...file.split("/")));
  });

  test.each(resolverFiles.map((f) => [relative(f), f]))("%s reads through loaders and repositories", (_name, file) => {
    expect(dataAccessIn(fs.readFileSync(file, "utf8"))).toEqual([]);
  });

  test.each(folders)("the resolvers of %s/ are in resolver files", (folder) => {
    const misplaced = filesUnder(path.join(ROOT, folder))
      .filter((f) => misplacedResolver(f, fs.readFileSync(f, "utf8")))
      .map(relative);
    expect(misplaced).toEqual([]);
  });

  test("the files at the top of subgraphs/ define no resolver", () => {
    const top = allFiles.filter((f) => path.dirname(f) === ROOT);
    expect(top.filter((f) => misplacedResolver(f, fs.readFileSync(f, "utf8"))).map(relative)).toEqual([]);
  });
});
