/**
 * WebSocket upgrades on /graphql, on the gateway's own HTTP server and port, spoken as graphql-ws
 * (`graphql-transport-ws`). This is the wire only: what a connection may do is decided by the
 * protocol options (subscription-protocol.ts) handed to graphql-ws's makeServer.
 *
 * Why not graphql-ws's own `useServer` glue: it writes socket and protocol errors to the console,
 * where any client could fill the logs; here they go to the structured log, once per socket.
 *
 * Contract:
 * - Only /graphql upgrades (any other path: 404), and at most `maxSockets` sockets (beyond: 503);
 *   none while closing (503). Each message is at most `maxMessageBytes` (ws closes with 1009).
 * - A socket that misses a pong for `keepAliveMs` is cut (a vanished client frees its slot).
 * - close() closes every socket with 1001 ("going away"), waits up to `closeWaitMs` for them to
 *   finish closing, then cuts what is left: the HTTP server's drain never waits on a WebSocket.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logging/logger';
import { isGraphqlPath } from './graphql-endpoint';

/** What graphql-ws's hooks see of a connection (`ctx.extra`). */
export interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

export interface WebSocketTransportOptions {
  httpServer: Server;
  protocol: ServerOptions<Record<string, unknown> | undefined, SocketExtra>;
  maxSockets: number;
  maxMessageBytes: number;
  keepAliveMs?: number;
  closeWaitMs?: number;
  logger: Logger;
}

export interface WebSocketTransport {
  /** Sockets open now. */
  readonly sockets: number;
  close(): Promise<void>;
}

export function attachWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const { httpServer, logger } = options;
  const keepAliveMs = options.keepAliveMs ?? 12_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false, handleProtocols });
  const server = makeServer(options.protocol);
  let closing = false;

  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isGraphqlPath(request.url)) return refuse(socket, 404, 'Not Found');
    if (closing || wss.clients.size >= options.maxSockets) return refuse(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  httpServer.on('upgrade', onUpgrade);

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    // `on`, not `once`: a second error with no listener would throw out of the process. Logged once.
    let errored = false;
    socket.on('error', (error) => {
      if (errored) return;
      errored = true;
      logger.warn({ err: { message: error.message } }, 'subscription socket error; closed');
    });
    let alive = true;
    socket.on('pong', () => (alive = true));
    const keepAlive = setInterval(() => {
      if (!alive) return void socket.terminate();
      alive = false;
      socket.ping();
    }, keepAliveMs);
    keepAlive.unref();
    const closed = server.opened(
      {
        protocol: socket.protocol,
        // Handed to ws's buffer without waiting for the kernel: what a slow reader leaves unsent shows
        // in `bufferedAmount`, which the protocol bounds (it drops the socket). A socket gone is no error.
        send: (data) => {
          if (socket.readyState === socket.OPEN) socket.send(data);
          return Promise.resolve();
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer, isBinary: boolean) => {
            handle(isBinary ? '' : data.toString('utf8')).catch((error: unknown) => {
              logger.error({ err: error }, 'subscription message handling failed');
              socket.close(1011, 'Internal server error');
            });
          }),
      },
      { socket, request } satisfies SocketExtra,
    );
    socket.once('close', (code: number, reason: Buffer) => {
      clearInterval(keepAlive);
      closed(code, reason.toString('utf8')).catch((error: unknown) => logger.error({ err: error }, 'subscription close handling failed'));
    });
  });

  return {
    get sockets() {
      return wss.clients.size;
    },
    async close() {
      closing = true;
      httpServer.off('upgrade', onUpgrade);
      const open = [...wss.clients];
      const allClosed = Promise.all(open.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()))));
      for (const socket of open) socket.close(1001, 'Server shutting down');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([allClosed, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.closeWaitMs ?? 2_000)))]);
      clearTimeout(timer);
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
