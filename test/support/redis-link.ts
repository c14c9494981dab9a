import net from "node:net";

/**
 * A TCP relay to the test Redis that a test cuts and restores: one gateway replica loses Redis
 * for real (its connections reset, new ones refused, as when Redis stops) while the others keep it.
 * Any TCP service will do: in front of a subgraph (http://…), it holds a gateway's calls to it.
 */
export interface RedisLink {
  /** redis://127.0.0.1:<relay>/<db> (the target's scheme and path): where the replica that will lose it points. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Connections stay open but nothing goes through (packets dropped, a stalled server) until `resume`. */
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function redisLink(redisUrl: string): Promise<RedisLink> {
  const target = new URL(redisUrl);
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined); // a cut link resets: the client under test sees it
    }
    client.pipe(upstream).pipe(client);
    if (stalled) client.pause();
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const stop = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  };
  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  // a paused client is not read: its commands wait in the kernel's buffers, unanswered
  const each = (action: (socket: net.Socket) => void) => sockets.forEach(action);
  return {
    url: `${target.protocol}//127.0.0.1:${port}${target.pathname}`,
    cut: stop,
    restore: () => listen(port),
    stall: () => {
      stalled = true;
      each((socket) => socket.pause());
    },
    resume: () => {
      stalled = false;
      each((socket) => socket.resume());
    },
    close: stop,
  };
}

/** Polls `check` until it holds (a reconnection takes a retry delay), or fails with `what`. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`toujours faux après ${timeoutMs} ms : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
