// The app:// handler over a real temporary renderer folder: what it serves, with which headers, and
// that no spelling of a path gets outside the folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  CONTENT_SECURITY_POLICY,
  registerAppScheme,
  rendererHandler,
  serveRenderer,
} from '../../electron/main/protocol';

const INDEX = '<!doctype html><title>Tracker Lab</title>';
let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  // tmp/renderer is served; tmp/secret.txt and tmp/renderer-evil/ sit next to it and must stay out.
  dir = mkdtempSync(join(tmpdir(), 'tracker-lab-protocol-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  mkdirSync(join(dir, 'renderer-evil'));
  writeFileSync(join(dir, 'renderer-evil', 'x.txt'), 'SECRET');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
  handler = rendererHandler(root);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

async function summary(url: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await get(url);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('the app:// scheme', () => {
  it('is registered as standard and secure, with fetch support', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled on the app scheme', () => {
    serveRenderer(join(dir, 'renderer'));
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('serving the renderer', () => {
  it('serves index.html as HTML with the strict CSP header', async () => {
    const response = await get('app://tracker-lab/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves index.html for the root path', async () => {
    expect(await summary('app://tracker-lab/')).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: INDEX,
    });
  });

  it('gives scripts, styles and images their content types and no CSP', async () => {
    const script = await get('app://tracker-lab/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('console.log(1);');
    expect((await summary('app://tracker-lab/assets/index-abc.css')).type).toBe('text/css; charset=utf-8');
    expect((await summary('app://tracker-lab/assets/logo.svg')).type).toBe('image/svg+xml');
    expect((await summary('app://tracker-lab/assets/blob.bin')).type).toBe('application/octet-stream');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://tracker-lab/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a missing file, a folder and another host', async () => {
    expect((await summary('app://tracker-lab/nope.js')).status).toBe(404);
    expect((await summary('app://tracker-lab/assets')).status).toBe(404);
    expect((await summary('app://elsewhere/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://tracker-lab/index.html', 'POST')).status).toBe(405);
  });
});

describe('path traversal', () => {
  it('../ segments are folded by the URL parser and stay inside the folder', async () => {
    // new URL() turns /../../etc/passwd into /etc/passwd: looked up under the renderer folder, not found.
    expect(await summary('app://tracker-lab/../../etc/passwd')).toEqual({
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: 'not found',
    });
    expect((await summary('app://tracker-lab/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
    expect((await summary('app://tracker-lab/assets/../../secret.txt')).status).toBe(404);
  });

  it.each([
    ['encoded slashes', 'app://tracker-lab/..%2f..%2fetc%2fpasswd'],
    ['encoded slashes to a sibling file', 'app://tracker-lab/..%2fsecret.txt'],
    ['encoded dots and slashes', 'app://tracker-lab/%2e%2e%2fsecret.txt'],
    ['upper-case encodings', 'app://tracker-lab/%2E%2E%2Fsecret.txt'],
    ['encoded backslashes', 'app://tracker-lab/..%5c..%5csecret.txt'],
    ['raw backslashes', 'app://tracker-lab/..\\secret.txt'],
    ['a folder whose name starts like the root', 'app://tracker-lab/..%2frenderer-evil%2fx.txt'],
    ['an encoded absolute path', 'app://tracker-lab/%2fetc%2fpasswd%2f..%2f..%2fsecret.txt'],
    ['a NUL byte', 'app://tracker-lab/index.html%00.js'],
    ['malformed percent-encoding', 'app://tracker-lab/%E0%A4%A'],
  ])('refuses %s with 403', async (_name, url) => {
    expect(await summary(url)).toEqual({ status: 403, type: 'text/plain; charset=utf-8', body: 'forbidden' });
  });

  it('refuses a symlink inside the folder that points outside it', async () => {
    expect(await summary('app://tracker-lab/assets/link.txt')).toEqual({
      status: 403,
      type: 'text/plain; charset=utf-8',
      body: 'forbidden',
    });
  });
});
