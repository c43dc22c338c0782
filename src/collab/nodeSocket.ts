/**
 * The WebSocket the provider uses in Node (the command line, the tests, the benchmark): the `ws`
 * package's, which throws an 'error' event nobody listens to (a connection refused while the server is
 * down, a socket closed while it connects). The provider learns of both from the close that follows
 * and tries again, so the error itself is only noted here.
 */
import { WebSocket } from 'ws';

export class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}
