import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface MetricsSource {
  render(): Promise<{ contentType: string; body: string }>;
}

/** What the server answers besides `GET /healthz`, which it always serves. */
export interface HttpEndpoints {
  /** Telegram's webhook: POSTs to this path. */
  webhook?: { path: string; handle: RequestHandler } | undefined;
  /** `GET /metrics`; absent with METRICS=off. */
  metrics?: MetricsSource | undefined;
}

export interface HttpServer {
  /** The port it listens on (the real one when asked for port 0). */
  port: number;
  /** /healthz turns 503 at once; requests in progress finish before this resolves. */
  stop(): Promise<void>;
}

/** The bot's one HTTP server, in webhook and polling mode alike: webhook, health and metrics. */
export async function startHttpServer(port: number, endpoints: HttpEndpoints, logger: Logger): Promise<HttpServer> {
  let stopping = false;
  const server = createServer((req, res) => {
    route(req, res, endpoints, stopping).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'http request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, () => resolve());
  });
  const listening = (server.address() as AddressInfo).port;
  logger.info({ port: listening, webhook: endpoints.webhook?.path, metrics: endpoints.metrics !== undefined }, 'http server listening');
  return {
    port: listening,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}

async function route(req: IncomingMessage, res: ServerResponse, endpoints: HttpEndpoints, stopping: boolean): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && pathname === '/healthz') {
    res.writeHead(stopping ? 503 : 200, { 'content-type': 'text/plain' }).end(stopping ? 'stopping' : 'ok');
  } else if (req.method === 'GET' && pathname === '/metrics' && endpoints.metrics) {
    const { contentType, body } = await endpoints.metrics.render();
    res.writeHead(200, { 'content-type': contentType }).end(body);
  } else if (req.method === 'POST' && endpoints.webhook && pathname === endpoints.webhook.path) {
    await endpoints.webhook.handle(req, res);
  } else {
    res.writeHead(404).end();
  }
}
