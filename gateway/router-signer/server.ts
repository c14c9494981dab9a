/**
 * The signing hop of the Rust router profile. Every subgraph accepts only requests signed the way
 * Hive Gateway signs them (HMAC-SHA256 of the stable JSON of {query, variables} in
 * extensions["hmac-signature"], the bearer token in extensions.jwt); Hive Router's official image
 * cannot sign a request body. So the router sends its subgraph requests here, on the internal
 * network only, as POST /<subgraph>/graphql; this hop moves the bearer token into the extensions,
 * signs, and forwards. The subgraphs still verify the signature and the token themselves.
 */
import crypto from "node:crypto";
import http from "node:http";
import { AddressInfo } from "node:net";
import stableStringify from "fast-json-stable-stringify";
import { SignerConfig } from "./config";

export interface RunningSigner {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface GraphQLBody {
  query?: string;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

const MAX_BODY_BYTES = 1_000_000;

/** Hive Gateway's upstream signature: empty variables are left out, as the subgraphs expect. */
export function signRequest(secret: string, body: GraphQLBody): string {
  const variables = body.variables && Object.keys(body.variables).length > 0 ? body.variables : undefined;
  return crypto
    .createHmac("sha256", secret)
    .update(stableStringify({ query: body.query, variables }))
    .digest("base64");
}

export function signedBody(secret: string, body: GraphQLBody, authorization: string | undefined): GraphQLBody {
  const extensions: Record<string, unknown> = { ...(body.extensions ?? {}) };
  delete extensions.jwt; // never trust a token put in the body by the caller: only the header's
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1];
  if (token) extensions.jwt = { token };
  extensions["hmac-signature"] = signRequest(secret, body);
  return { ...body, extensions };
}

export async function startSigner(config: SignerConfig): Promise<RunningSigner> {
  const server = http.createServer((req, res) => {
    handle(config, req, res).catch((error: unknown) => {
      console.error(JSON.stringify({ level: "error", service: "router-signer", msg: (error as Error).message }));
      if (!res.headersSent) sendJson(res, 502, { errors: [{ message: "Sous-graphe injoignable." }] });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${config.host}:${port}`,
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}

async function handle(config: SignerConfig, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const pathname = new URL(req.url ?? "/", "http://signer").pathname;
  if (pathname === "/health") {
    sendJson(res, 200, { status: "ok", service: "router-signer" });
    return;
  }
  const match = /^\/([a-zA-Z0-9]+)\/graphql$/.exec(pathname);
  const target = match ? config.targets[match[1]] : undefined;
  if (!target) {
    sendJson(res, 404, { error: "not found" });
    return;
  }
  if (req.method !== "POST") {
    sendJson(res, 405, { error: "POST only" });
    return;
  }
  let body: GraphQLBody;
  try {
    const parsed: unknown = JSON.parse((await readBody(req)).toString("utf8"));
    // null, a number or a list is no GraphQL request: refused here, not failed on below as "unreachable"
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new SyntaxError("not a JSON object");
    body = parsed as GraphQLBody;
  } catch (error) {
    sendJson(res, error instanceof TooLarge ? 413 : 400, { errors: [{ message: "Corps de requête JSON invalide." }] });
    return;
  }
  const headers: Record<string, string> = { "content-type": "application/json", accept: req.headers.accept ?? "application/json" };
  const requestId = req.headers["x-request-id"];
  if (typeof requestId === "string") headers["x-request-id"] = requestId;
  const upstream = await fetch(target, {
    method: "POST",
    headers,
    body: JSON.stringify(signedBody(config.hmacSecret, body, req.headers.authorization)),
  });
  res.statusCode = upstream.status;
  res.setHeader("content-type", upstream.headers.get("content-type") ?? "application/json");
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

class TooLarge extends Error {}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}
