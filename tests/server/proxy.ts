/**
 * A network between a client and the server that a test can take down: `blackhole()` keeps the
 * connections open and drops everything they carry (a laptop whose Wi-Fi went), `restore()` resets
 * those connections, as a network coming back does to connections that timed out, and forwards again.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Proxy {
  readonly url: string;
  blackhole(): void;
  restore(): void;
  close(): Promise<void>;
}

export function startProxy(targetPort: number): Promise<Proxy> {
  let down = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    client.once('close', () => sockets.delete(client));
    if (down) return; // accepted, and nothing ever arrives: a dead network
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.once('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
    client.on('data', (chunk) => {
      if (!down) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!down) client.write(chunk);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `ws://127.0.0.1:${port}`,
        blackhole: () => {
          down = true;
        },
        restore: () => {
          for (const socket of sockets) socket.destroy();
          sockets.clear();
          down = false;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
