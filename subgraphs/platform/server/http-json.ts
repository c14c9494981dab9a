import http from "node:http";

/**
 * The largest request body a subgraph reads by default. Requests come from the gateway, signed; an
 * entity call carries every representation of a plan step, and the hub's sums carry each entity's
 * contributions: a large region's dashboard sends the hub about 1 MB at twice the national dataset
 * (bench/GROWTH.md), so the bound is well above that and still caps one request's memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A request refused before GraphQL reads it (too large, not JSON): its HTTP status and French message. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The POST body parsed as JSON; undefined for a GET (Apollo Server reads the query string). */
export async function readJsonBody(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyError(413, `Requête trop volumineuse : ${maxBytes} octets au plus (SUBGRAPH_MAX_BODY_BYTES).`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    throw new BodyError(400, "Corps de requête JSON invalide.");
  }
}

export function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}
