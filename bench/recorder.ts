/**
 * A recording hop between a gateway and the subgraphs, used once per operation before the load:
 * it forwards each subgraph request and notes its body and timing, from which the floor (the
 * same subgraph calls, made directly) is rebuilt. It is never on the path of a measured request.
 */
import http from "node:http";
import { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { postJson } from "./http";

export interface RecordedCall {
  subgraph: string;
  body: string;
  start: number;
  end: number;
}

export interface Recorder {
  /** The URL the capturing gateway uses for a subgraph. */
  urlOf(subgraph: string): string;
  record<T>(action: () => Promise<T>): Promise<{ result: T; calls: RecordedCall[] }>;
  stop(): Promise<void>;
}

export async function startRecorder(targets: Record<string, string>): Promise<Recorder> {
  let calls: RecordedCall[] | null = null;
  const server = http.createServer((req, res) => {
    const subgraph = /^\/([a-zA-Z0-9]+)\/graphql$/.exec(req.url ?? "")?.[1];
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on(
      "end",
      () =>
        void (async () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const start = performance.now();
          try {
            const reply = await postJson(targets[subgraph ?? ""], body);
            calls?.push({ subgraph: subgraph!, body, start, end: performance.now() });
            res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.text);
          } catch (error) {
            res.writeHead(502).end(String(error));
          }
        })(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlOf: (subgraph) => `${base}/${subgraph}/graphql`,
    async record(action) {
      calls = [];
      try {
        const result = await action();
        return { result, calls: calls.sort((a, b) => a.start - b.start) };
      } finally {
        calls = null;
      }
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}
