import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runImportCli } from "../../scripts/import";
import { ResponseCacheConfig } from "../../gateway/response-cache";
import { TestHub } from "./hub";

/**
 * Runs `npm run import -- subventions <csv>` as an operator would, against a test hub's databases
 * and the gateway's shared Redis cache: what the tests of the cache after an import need.
 */
export async function importCafGrants(
  hub: TestHub,
  cache: ResponseCacheConfig,
  csv: string,
  token: string,
): Promise<{ code: number; output: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hub-import-")), "subventions.csv");
  fs.writeFileSync(file, csv);
  const out: string[] = [];
  const collect = (text: string) => {
    out.push(text);
  };
  const config = hub.database.config;
  const env = {
    ...(config.url ? { DATABASE_URL: config.url } : { DATA_DIR: config.dataDir }),
    AUTH_PUBLIC_KEY_FILE: hub.auth.secrets.publicKeyFile,
    HUB_HMAC_SECRET: hub.auth.secrets.hmacSecret,
    RESPONSE_CACHE_REDIS_URL: cache.redisUrl ?? "",
    RESPONSE_CACHE_REDIS_PREFIX: cache.redisPrefix,
    SUBGRAPH_URL_HUB: hub.subgraphs.hub.url, // the import tells the hub's structure directory its SIRETs
  };
  const { code } = await runImportCli(["subventions", file, "--jeton", token], { isTTY: false, stdout: collect, stderr: collect }, env);
  return { code, output: out.join("") };
}
