import { createReadStream } from 'node:fs';
import type { RouteHandler } from '@shequ/kit';
import { ideAssets, type IdeAsset } from '@shequ/ide';

/*
 * The GraphQL IDE, served from the gateway's own files (no CDN: many
 * government networks reach no other host). Its page may load only from this
 * origin; Monaco writes its styles inline.
 */
const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Where the IDE lives: GET /graphql from a browser is sent here. */
export const IDE_PATH = '/ide/';

function serve(asset: IdeAsset): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'the IDE is read with GET' }));
      return;
    }
    response.setHeader('content-security-policy', IDE_CONTENT_SECURITY_POLICY);
    response.setHeader('content-type', asset.contentType);
    // The page is small and names the bundle: always asked again; the bundle for an hour.
    response.setHeader('cache-control', asset.name === 'index.html' ? 'no-cache' : 'public, max-age=3600');
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(asset.path).on('error', reject).pipe(response).on('finish', resolve).on('error', reject);
    });
  };
}

/** The IDE's routes by path (`/ide`, `/ide/` and each asset); none when the IDE package was not built. */
export function ideRoutes(): Record<string, RouteHandler> {
  const assets = ideAssets();
  const page = assets.find((asset) => asset.name === 'index.html');
  if (!page) {
    return {};
  }
  const routes: Record<string, RouteHandler> = Object.fromEntries(assets.map((asset) => [`${IDE_PATH}${asset.name}`, serve(asset)]));
  const redirect: RouteHandler = async (_request, response) => {
    response.writeHead(302, { location: IDE_PATH });
    response.end();
  };
  return { ...routes, '/ide': redirect, [IDE_PATH]: serve(page) };
}
