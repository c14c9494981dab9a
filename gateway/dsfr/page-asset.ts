import fs from "node:fs";
import type { GatewayRoute } from "../routes";
import { PAGE_SECURITY_HEADERS } from "./layout";

/** One asset of the hub's pages, read once at start (the build copies it beside the code), under the pages' CSP. */
export function pageAsset(urlPath: string, file: string, contentType: string): GatewayRoute {
  const body = fs.readFileSync(file);
  return {
    method: "GET",
    path: urlPath,
    handle(_req, res) {
      res.writeHead(200, { "content-type": contentType, "cache-control": "no-cache", ...PAGE_SECURITY_HEADERS });
      res.end(body);
    },
  };
}
