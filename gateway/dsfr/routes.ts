/**
 * The Système de Design de l'État (@gouvfr/dsfr) and its charts (@gouvfr/dsfr-chart), served by the
 * gateway from the installed packages, like GraphiQL's bundle: no CDN, and the pages'
 * Content-Security-Policy can stay on 'self'. Only the packages' `dist/` folders, only the file
 * kinds a page loads (styles, scripts, fonts, icons), never a path out of the folder.
 */
import fs from "node:fs";
import path from "node:path";
import type { GatewayRoute } from "../routes";
import { PAGES_SCRIPT_PATH } from "./layout";
import { pageAsset } from "./page-asset";

export const DSFR_PATH = "/dsfr";
export const DSFR_CHART_PATH = "/dsfr-chart";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * The package's dist/ folder, found through Node's resolution (works from the sources and from the
 * build): by its package.json, or, when its `exports` hides that (@gouvfr/dsfr-chart), by its main
 * entry and up to the package's folder.
 */
function distOf(pkg: string): string {
  const paths = [__dirname, process.cwd()];
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths })), "dist");
  } catch {
    let folder = path.dirname(require.resolve(pkg, { paths }));
    while (!(
      fs.existsSync(path.join(folder, "package.json")) &&
      (JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as { name?: unknown }).name === pkg
    )) {
      if (path.dirname(folder) === folder) throw new Error(`${pkg} : paquet introuvable`);
      folder = path.dirname(folder);
    }
    return path.join(folder, "dist");
  }
}

function staticFolder(prefix: string, root: string): GatewayRoute {
  const pattern = new RegExp(`^${prefix}/[\\w./-]+$`);
  return {
    method: "GET",
    path: pattern,
    handle(req, res) {
      const relative = decodeURIComponent(new URL(req.url ?? "/", "http://gateway").pathname.slice(prefix.length + 1));
      const file = path.resolve(root, relative);
      const type = CONTENT_TYPES[path.extname(file)];
      if (!type || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Introuvable.");
        return;
      }
      // The packages are pinned by package-lock.json: a day of cache, revalidated after.
      res.writeHead(200, { "content-type": type, "cache-control": "public, max-age=86400", "x-content-type-options": "nosniff" });
      fs.createReadStream(file).pipe(res);
    },
  };
}

export function dsfrRoutes(): GatewayRoute[] {
  return [
    staticFolder(DSFR_PATH, distOf("@gouvfr/dsfr")),
    staticFolder(DSFR_CHART_PATH, distOf("@gouvfr/dsfr-chart")),
    pageAsset(PAGES_SCRIPT_PATH, path.join(__dirname, "public", "dom.js"), "text/javascript; charset=utf-8"),
  ];
}
