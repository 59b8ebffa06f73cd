// Serves the built renderer (out/renderer) on the privileged `app://tracker-lab/` scheme instead of
// file:// (Electron security checklist #18): one origin, a strict CSP header, and nothing outside the
// renderer folder, however the path is spelled.
// Through the fs object at call time: Electron patches its functions to read inside the app's asar.
import fs from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, isAppOrigin } from './origin';

/** The same policy as the meta tag in renderer/index.html; the header also covers what the meta can't. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Must run before `app.whenReady()`: a standard, secure scheme gets a real origin, fetch and storage. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * The file a request names under `root`, or null when the path is malformed or would leave it.
 * URL parsing already folds `..` and `%2e%2e` segments; encoded separators (`%2f`, `%5c`) only appear
 * after decoding, so the decoded path is resolved and checked again.
 */
export function resolveRequestPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.split(/[/\\]/).includes('..')) return null;
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const path = resolve(root, relativePath);
  return inside(root, path) ? path : null;
}

/** The `protocol.handle` handler for the renderer folder (exported to be tested without Electron). */
export function rendererHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererRoot);
  const realRoot = fs.promises.realpath(root).catch(() => root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const url = new URL(request.url);
    if (!isAppOrigin(url)) return plain(404, 'not found');
    const path = resolveRequestPath(root, url.pathname);
    if (path === null) return plain(403, 'forbidden');
    let body: Buffer;
    try {
      // A symlink inside the folder must not lead out of it either.
      if (!inside(await realRoot, await fs.promises.realpath(path))) return plain(403, 'forbidden');
      if (!(await fs.promises.stat(path)).isFile()) return plain(404, 'not found');
      body = await fs.promises.readFile(path);
    } catch {
      return plain(404, 'not found');
    }
    const contentType = contentTypeOf(path);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves `rendererRoot` on app://tracker-lab/ (after app ready). */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, rendererHandler(rendererRoot));
}
