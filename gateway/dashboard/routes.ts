/**
 * The dashboard's routes: the page and its two assets, all served by the gateway itself (no CDN,
 * no third-party request: the Content-Security-Policy allows this origin only).
 */
import path from "node:path";
import type { GatewayRoute } from "../routes";
import { PAGE_SECURITY_HEADERS } from "../dsfr/layout";
import { pageAsset } from "../dsfr/page-asset";
import { DASHBOARD_PATH, readSelection, renderDashboardPage } from "./page";

const securityHeaders = PAGE_SECURITY_HEADERS;
const asset = (name: string, contentType: string) =>
  pageAsset(`${DASHBOARD_PATH}/${name}`, path.join(__dirname, "public", name), contentType);

export function dashboardRoutes(): GatewayRoute[] {
  return [
    {
      method: "GET",
      path: DASHBOARD_PATH,
      handle(req, res) {
        const selection = readSelection(new URL(req.url ?? "/", "http://gateway").searchParams);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", ...securityHeaders });
        res.end(renderDashboardPage(selection));
      },
    },
    asset("app.js", "text/javascript; charset=utf-8"),
    asset("style.css", "text/css; charset=utf-8"),
  ];
}
