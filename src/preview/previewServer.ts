// The preview's HTTP server, on 127.0.0.1 only: the page and its script, pdf.js, the last good
// PDF of each document (from memory), the state as JSON, and server-sent events announcing
// each build. Anything else is 404; a path that tries to leave these routes is 400.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pdfjsAsset } from './pdfjsAssets.js';
import { PREVIEW_CLIENT_JS } from './previewClient.js';
import { previewPage } from './previewPage.js';
import type { PreviewState } from './previewState.js';
import { documentName, plainPath } from './safeUrl.js';

export interface PreviewServer {
  url: string;
  /** Tells every open page that a build finished. */
  announce(): void;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function startPreviewServer(state: PreviewState, port: number, title: string): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...SECURITY_HEADERS });
    res.end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    const path = plainPath(req.url);
    if (path === null) return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', previewPage(title));
    if (path === '/preview.js') return send(res, 200, 'text/javascript; charset=utf-8', PREVIEW_CLIENT_JS);
    // Browsers ask for it on their own; a page without one is not an error.
    if (path === '/favicon.ico') {
      res.writeHead(204, SECURITY_HEADERS);
      return res.end();
    }
    if (path === '/state') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(state.snapshot()));
    if (path === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', ...SECURITY_HEADERS });
      res.write(`retry: 500\nevent: build\ndata: ${state.snapshot().build}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const asset = pdfjsAsset(path);
    if (asset) return send(res, 200, 'text/javascript; charset=utf-8', asset);
    const doc = /^\/doc\/([^/]+)\.pdf$/.exec(path);
    const pdf = doc && documentName(doc[1]) ? state.pdf(doc[1]) : undefined;
    if (pdf) return send(res, 200, 'application/pdf', pdf);
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  };
  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'server error\n');
      else res.end();
    }
  });
  // Keeps a connection's events flowing through proxies and idle timers.
  const ping = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 15_000);
  ping.unref();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        announce() {
          const build = state.snapshot().build;
          for (const c of clients) c.write(`event: build\ndata: ${build}\n\n`);
        },
        close() {
          clearInterval(ping);
          for (const c of clients) c.end();
          clients.clear();
          return new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
