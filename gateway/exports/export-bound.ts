import { ExportError } from "./gateway-client";

/**
 * The most rows one CSV export holds: far above a year's national laureates (a few hundred) or a
 * region's CAF grants, low enough that one request cannot make the gateway read the whole graph.
 */
export const EXPORT_MAX_ROWS = 10_000;

const count = (n: number) => new Intl.NumberFormat("fr-FR").format(n).replace(/\u202f/g, " ");

export function checkExportBound(rows: number, maxRows = EXPORT_MAX_ROWS): void {
  if (rows > maxRows) {
    throw new ExportError(
      `Le filtre retient ${count(rows)} lignes ; un export en compte au plus ${count(maxRows)}. Précisez le filtre (année, région, département, axes, montants, texte).`,
      400,
    );
  }
}
