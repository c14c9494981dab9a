import path from "node:path";
import Database from "better-sqlite3";
import { withBinding } from "../../bench/sqlite-binding";

const OWN_BUILD = path.resolve("node_modules/better-sqlite3/build/Release/better_sqlite3.node");

describe("withBinding (BENCH_SQLITE_BINDING)", () => {
  it("opens databases on the given addon", () => {
    const Bound = withBinding(Database, OWN_BUILD);
    const db = new Bound(":memory:") as Database.Database;
    expect(db.prepare("SELECT 41 + 1 AS n").get()).toEqual({ n: 42 });
    db.close();
  });

  it("loads the given addon, even when typeorm passes nativeBinding: null", () => {
    const Bound = withBinding(Database, "/nonexistent/better_sqlite3.node");
    expect(() => new Bound(":memory:", { nativeBinding: null })).toThrow(/nonexistent/);
  });

  it("keeps an addon the caller names", () => {
    const Bound = withBinding(Database, "/nonexistent/better_sqlite3.node");
    const db = new Bound(":memory:", { nativeBinding: OWN_BUILD }) as Database.Database;
    expect(db.prepare("SELECT 1 AS n").get()).toEqual({ n: 1 });
    db.close();
  });
});
