/**
 * A TCP proxy on 127.0.0.1 for fault tests: it forwards every connection to a target (e.g.
 * PostgreSQL) until the test cuts it. `cut()` destroys every open connection and resets each new
 * one at once (as a restarting database or a refused connection looks to a client);
 * `cut('silent')` instead lets nothing through in either direction and accepts new connections
 * without ever answering (as a dropped network looks: no reset, just silence); `restore()` lets
 * connections through again (the silent ones are then closed). The port stays the same throughout.
 *
 *   const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
 *   … connect to 127.0.0.1:proxy.port …
 *   proxy.cut(); … proxy.restore(); … await proxy.close();
 */
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections forwarded so far (including ones since closed). */
  readonly connections: number;
  /** Whether connections are being cut. */
  readonly isCut: boolean;
  cut(mode?: 'reset' | 'silent'): void;
  restore(): void;
  close(): Promise<void>;
}

/** Closes with an RST (a destroyed socket may refuse it: then it is gone anyway). */
function reset(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  let silent = false;
  /** Connections held open without an answer while cut silently; closed on restore. */
  const held = new Set<Socket>();
  let connections = 0;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset from either side is how a cut looks; it must not crash the test process.
    socket.on('error', () => {});
  };
  const server = createServer((client) => {
    track(client);
    if (isCut) {
      if (silent) held.add(client);
      else reset(client);
      return;
    }
    connections++;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', end);
    upstream.once('close', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the proxy has no port');
  const destroyAll = () => {
    for (const socket of open) reset(socket);
    open.clear();
  };
  return {
    port: address.port,
    get connections() {
      return connections;
    },
    get isCut() {
      return isCut;
    },
    cut(mode: 'reset' | 'silent' = 'reset') {
      isCut = true;
      silent = mode === 'silent';
      if (!silent) {
        destroyAll();
        return;
      }
      // Silence: the open connections stay open but nothing more passes either way.
      for (const socket of open) {
        socket.unpipe();
        socket.pause();
        held.add(socket);
      }
    },
    restore() {
      isCut = false;
      silent = false;
      for (const socket of held) reset(socket);
      held.clear();
    },
    close() {
      destroyAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
