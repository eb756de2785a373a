import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RouteHandler } from '@shequ/kit';

/*
 * The project's own browser apps (the console, the IDE), served from their
 * built files: no CDN, since many government networks reach no other host.
 * Their pages may load only from the gateway; Monaco and the pages' own
 * stylesheet write styles inline.
 */
function pagePolicy(connectTo: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data: blob:",
    // The gateway, and the sign-in provider's discovery and token endpoints when one is configured.
    ["connect-src 'self'", ...connectTo].join(' '),
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

function serveFile(path: string, contentType: string, cache: string, policy: string): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'pages are read with GET' }));
      return;
    }
    response.setHeader('content-security-policy', policy);
    response.setHeader('content-type', contentType);
    response.setHeader('cache-control', cache);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(path).on('error', reject).pipe(response).on('finish', resolve).on('error', reject);
    });
  };
}

/**
 * Routes for a built app: each file of `directory` under `assetsPath`, and
 * its index.html at each of `pagePaths`; `connectTo`, origins besides the
 * gateway its scripts may call. None when the app was not built.
 */
export function staticAppRoutes(app: { directory: string; assetsPath: string; pagePaths: string[]; connectTo?: string[] }): Record<string, RouteHandler> {
  if (!existsSync(join(app.directory, 'index.html'))) {
    return {};
  }
  const policy = pagePolicy(app.connectTo ?? []);
  const routes: Record<string, RouteHandler> = {};
  for (const name of readdirSync(app.directory)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType) {
      // The page names the bundle: always asked again; the bundle and fonts for an hour.
      routes[`${app.assetsPath}${name}`] = serveFile(join(app.directory, name), contentType, name === 'index.html' ? 'no-cache' : 'public, max-age=3600', policy);
    }
  }
  for (const path of app.pagePaths) {
    routes[path] = serveFile(join(app.directory, 'index.html'), CONTENT_TYPES['.html'], 'no-cache', policy);
  }
  return routes;
}

/** A route that sends the browser on to `location`. */
export function redirectTo(location: string): RouteHandler {
  return async (_request, response) => {
    response.writeHead(302, { location });
    response.end();
  };
}

/** A small JSON document, read with GET. */
export function jsonDocument(body: unknown): RouteHandler {
  const text = JSON.stringify(body);
  return async (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
    response.end(text);
  };
}
