import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Node keeps the response being written on a socket as `_httpMessage` (what http-terminator uses). */
type SocketWithResponse = Socket & { _httpMessage?: ServerResponse | null };

export interface ConnectionDrain {
  /**
   * Begins a graceful drain: responses still in flight go out with `Connection: close`, idle
   * keep-alive connections close now and the others as soon as their response is sent, so a
   * keep-alive client (a load balancer, fetch) cannot hold a stop open until its idle timeout.
   * Returns the function that ends the sweep.
   */
  start(): () => void;
}

/**
 * Tracks connections (a per-connection, not per-request, cost: no hook runs on the request path)
 * so a graceful stop can finish in-flight requests and still close every socket promptly.
 */
export function trackConnections(server: Server): ConnectionDrain {
  const sockets = new Set<SocketWithResponse>();
  server.on('connection', (socket: SocketWithResponse) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    start() {
      for (const socket of sockets) {
        const response = socket._httpMessage;
        if (response && !response.headersSent) response.setHeader('connection', 'close');
      }
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      return () => clearInterval(sweep);
    },
  };
}
