/** A lean keep-alive HTTP client for the floor and the latency comparisons (same client for both). */
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Reply {
  status: number;
  text: string;
}

export function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A GraphQL request through a gateway; refuses errors so the load never measures failures. */
export async function graphql(url: string, query: string, variables: Record<string, unknown>): Promise<{ data: unknown; text: string }> {
  const reply = await postJson(url, JSON.stringify({ query, variables }));
  const parsed = JSON.parse(reply.text) as { data?: unknown; errors?: { message: string }[] };
  if (reply.status !== 200 || parsed.errors?.length || !parsed.data) {
    throw new Error(`${url} : HTTP ${reply.status}, ${parsed.errors?.map((e) => e.message).join(" ; ") ?? "pas de données"}`);
  }
  return { data: parsed.data, text: reply.text };
}
