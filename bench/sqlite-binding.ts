/**
 * BENCH_SQLITE_BINDING: the path of a better-sqlite3 addon built for another Node (the Node 20 vs
 * Node 24 scenario, bench/node-versions.ts; scripts/build-node20-sqlite.sh builds it). The bench
 * child replaces better-sqlite3's export by a subclass that passes it as `nativeBinding`, so typeorm's
 * driver and process-timings.ts both open their databases on it; production code is left as is.
 */
type SqliteDatabase = new (file: string, options?: Record<string, unknown>) => object;

/** `Original` opening every database on `binding` unless the caller names its own addon. */
export function withBinding(Original: SqliteDatabase, binding: string): SqliteDatabase {
  return class extends Original {
    constructor(file: string, options: Record<string, unknown> = {}) {
      // typeorm passes `nativeBinding: null` when its options have none
      super(file, { ...options, nativeBinding: options.nativeBinding ?? binding });
    }
  };
}

export function useSqliteBinding(binding = process.env.BENCH_SQLITE_BINDING): void {
  if (!binding) return;
  const id = require.resolve("better-sqlite3");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object, replaced in the cache before typeorm loads it
  const Original = require(id) as SqliteDatabase;
  require.cache[id]!.exports = withBinding(Original, binding);
}
