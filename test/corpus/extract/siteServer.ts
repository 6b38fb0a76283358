import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** The article's own paragraphs: everything else on the page is boilerplate that must never be stored. */
export const ARTICLE_PARAGRAPHS = [
  'On 5 January 2022 protesters in Almaty seized the city administration building, and the authorities declared a state of emergency across the country.',
  'According to the Prosecutor General’s Office, 238 people died during the unrest, including 19 law enforcement officers.',
  'Human rights defenders said that about ten thousand people were detained in the first two weeks, and that many of them were beaten in custody.',
  'Lawyers told the monitors that their clients were held without access to counsel for several days, which the law forbids.',
];

export const BOILERPLATE = ['Subscribe to our newsletter', 'Cheap flights to Almaty', 'Great article, thanks!', '© 2022 Steppe News. All rights reserved', 'Home', 'Politics'];

export const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Almaty unrest: what we know | Steppe News</title>
<meta property="og:title" content="Almaty unrest: what we know">
<meta property="og:site_name" content="Steppe News">
<meta name="author" content="Aigerim Sadykova">
<meta property="article:published_time" content="2022-01-12T09:30:00+06:00">
</head><body>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<aside class="sidebar ad"><div class="advert">Cheap flights to Almaty</div><div class="newsletter">Subscribe to our newsletter</div></aside>
<main><article class="post">
<h1>Almaty unrest: what we know</h1>
${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Great article, thanks!</p></div></section>
</main>
<footer class="site-footer"><p>© 2022 Steppe News. All rights reserved</p></footer>
</body></html>`;

export interface SiteServer {
  origin: string;
  /** Served at /report.pdf and (as application/octet-stream) /download/report.docx. */
  files: Map<string, { body: Uint8Array; type: string }>;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 with the pages a fetcher must handle or refuse. */
export async function startSiteServer(): Promise<SiteServer> {
  const files = new Map<string, { body: Uint8Array; type: string }>();
  const routes: Record<string, Route> = {
    '/article': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_HTML),
    '/short-link': (_req, res) => res.writeHead(301, { location: '/article' }).end(),
    '/loop': (req, res) => res.writeHead(302, { location: `/loop?n=${Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0) + 1}` }).end(),
    '/redirect-to': (req, res) => res.writeHead(302, { location: new URL(req.url ?? '', 'http://x').searchParams.get('url') ?? '/' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // No Content-Length: the cap has to hold while streaming.
      for (let i = 0; i < 64; i += 1) res.write(Buffer.alloc(16 * 1024, 0x61));
      res.end();
    },
    '/big-announced': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) }).end(),
    '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61))),
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>Still loading');
      // Never ends on its own; the client's deadline must.
    },
    '/video': (_req, res) => res.writeHead(200, { 'content-type': 'video/mp4' }).end(Buffer.alloc(1024)),
    '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'),
  };
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path);
    if (file) return void res.writeHead(200, { 'content-type': file.type }).end(file.body);
    (routes[path] ?? routes['/missing']!)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    files,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
