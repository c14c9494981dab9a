/**
 * The map's routes: the national map, a project's dossier, a structure, and their two assets, all
 * served by the gateway (DSFR and its chart from /dsfr/ and /dsfr-chart/), under the pages' CSP.
 */
import path from "node:path";
import type { GatewayRoute } from "../routes";
import { PAGE_SECURITY_HEADERS } from "../dsfr/layout";
import { pageAsset } from "../dsfr/page-asset";
import { MAP_PATH, PROJECT_PATH, renderDossierPage, renderMapPage, STRUCTURE_PATH } from "./page";
import { readMapSelection } from "./selection";

const html = (res: Parameters<GatewayRoute["handle"]>[1], body: string) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", ...PAGE_SECURITY_HEADERS });
  res.end(body);
};

const asset = (name: string, contentType: string) => pageAsset(`${MAP_PATH}/${name}`, path.join(__dirname, "public", name), contentType);

/** The key in the path, when it has the shape of one (a dossier ref, a SIRET). */
const keyOf = (req: Parameters<GatewayRoute["handle"]>[0], prefix: string) =>
  decodeURIComponent(new URL(req.url ?? "/", "http://gateway").pathname.slice(prefix.length + 1));

export function mapRoutes(): GatewayRoute[] {
  return [
    {
      method: "GET",
      path: MAP_PATH,
      handle: (req, res) => html(res, renderMapPage(readMapSelection(new URL(req.url ?? "/", "http://gateway").searchParams))),
    },
    {
      method: "GET",
      path: new RegExp(`^${PROJECT_PATH}/[\\w.%-]{1,100}$`),
      handle: (req, res) => html(res, renderDossierPage("project", keyOf(req, PROJECT_PATH))),
    },
    {
      method: "GET",
      path: new RegExp(`^${STRUCTURE_PATH}/\\d{14}$`),
      handle: (req, res) => html(res, renderDossierPage("structure", keyOf(req, STRUCTURE_PATH))),
    },
    asset("sources.js", "text/javascript; charset=utf-8"),
    asset("map-data.js", "text/javascript; charset=utf-8"),
    asset("pages.js", "text/javascript; charset=utf-8"),
    asset("map.css", "text/css; charset=utf-8"),
  ];
}
