/**
 * Exports over HTTP, read through the gateway's own /graphql:
 *   GET /exports/scdl/<ars|dreets|caf>/<code INSEE>.csv[?annee=2021]  a funder's grants, SCDL subventions 2.1.1
 *   GET /exports/laureats.csv?annee=2021[&region=…&axes=…]           the national laureates of a year, under the explorer's filters
 *   GET /exports/subventions-caf.csv[?annee=2021&departement=44&…]    the CAF grants under the explorer's filters
 * (filters: explorer-params.ts)
 */
import http from "node:http";
import type { GatewayRoute } from "../routes";
import { ExportError, gatewayClient } from "./gateway-client";
import { exportCafGrants, ExportFile, exportFunderScdl, exportLaureates, parseFunderKind, parseYear } from "./exports";
import { filterFromParameters, GRANT_PARAMETERS, LAUREATE_PARAMETERS } from "./explorer-params";

export const EXPORTS_PATH = "/exports";
const SCDL_PATH = /^\/exports\/scdl\/([a-z]+)\/([0-9AB]{2,3})\.csv$/;

function sendCsv(res: http.ServerResponse, file: ExportFile) {
  const headers: Record<string, string> = {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${file.fileName}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-export-rows": String(file.rows),
  };
  if (file.grantor)
    headers["x-scdl-attribuant-siret"] = file.grantor.fictitious
      ? `fictif (${file.grantor.siret}) : SIRET des financeurs non enregistres`
      : "verifie";
  res.writeHead(200, headers);
  res.end(file.csv);
}

function sendError(res: http.ServerResponse, error: unknown) {
  if (!(error instanceof ExportError)) throw error;
  res.writeHead(error.status, { "content-type": "text/plain; charset=utf-8" });
  res.end(`${error.message}\n`);
}

const query = (req: http.IncomingMessage) => new URL(req.url ?? "/", "http://gateway").searchParams;

export function exportRoutes(): GatewayRoute[] {
  return [
    {
      method: "GET",
      path: SCDL_PATH,
      async handle(req, res, { graphqlUrl }) {
        try {
          const [, kind, territory] = SCDL_PATH.exec(new URL(req.url ?? "/", "http://gateway").pathname) as RegExpExecArray;
          sendCsv(
            res,
            await exportFunderScdl(gatewayClient(graphqlUrl), parseFunderKind(kind), territory, parseYear(query(req).get("annee"), false)),
          );
        } catch (error) {
          sendError(res, error);
        }
      },
    },
    {
      method: "GET",
      path: `${EXPORTS_PATH}/laureats.csv`,
      async handle(req, res, { graphqlUrl }) {
        try {
          const filter = filterFromParameters(query(req), LAUREATE_PARAMETERS, true) as { year: number };
          sendCsv(res, await exportLaureates(gatewayClient(graphqlUrl), filter));
        } catch (error) {
          sendError(res, error);
        }
      },
    },
    {
      method: "GET",
      path: `${EXPORTS_PATH}/subventions-caf.csv`,
      async handle(req, res, { graphqlUrl }) {
        try {
          sendCsv(res, await exportCafGrants(gatewayClient(graphqlUrl), filterFromParameters(query(req), GRANT_PARAMETERS, false)));
        } catch (error) {
          sendError(res, error);
        }
      },
    },
  ];
}
