import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A plain round-robin HTTP proxy on 127.0.0.1 in front of the API processes,
 * as a load balancer would stand: each request goes to the next backend; a
 * backend whose connection is refused (nothing was sent to it) is skipped for
 * the next one. Nothing else is retried: a backend that dies with a request
 * in hand answers that request 502, which the caller sees.
 */
export class RoundRobinProxy {
  private next = 0;
  private readonly inFlight = new Map<number, number>();

  private constructor(
    private readonly server: Server,
    private readonly backends: number[],
  ) {}

  static async start(backends: number[], port = 0): Promise<RoundRobinProxy> {
    const proxy: { current?: RoundRobinProxy } = {};
    const server = createServer((req, res) => proxy.current!.handle(req, res));
    proxy.current = new RoundRobinProxy(server, backends);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return proxy.current;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests sent to the backend on `port` and not yet answered. */
  inFlightTo(port: number): number {
    return this.inFlight.get(port) ?? 0;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => this.forward(req, res, Buffer.concat(chunks), this.next++, 0));
  }

  /** To backend `start + tried`, the next one along when it refuses the connection. */
  private forward(req: IncomingMessage, res: ServerResponse, body: Buffer, start: number, tried: number): void {
    const port = this.backends[(start + tried) % this.backends.length]!;
    this.inFlight.set(port, this.inFlightTo(port) + 1);
    let counted = true;
    const done = () => {
      if (counted) this.inFlight.set(port, this.inFlightTo(port) - 1);
      counted = false;
    };
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', done);
      answer.on('error', () => {
        done();
        res.destroy();
      });
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      done();
      if (error.code === 'ECONNREFUSED' && tried + 1 < this.backends.length) return this.forward(req, res, body, start, tried + 1);
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`Bad gateway: ${error.code ?? error.message}`);
    });
    upstream.end(body);
  }
}
