// The headless tracker CLI (electron/cli/tracker.ts) as a user runs it: start, announce, SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { announceTarget, bytesOf, decodeDict, id20 } from './helpers';
import { announcePacket, be32, UdpClient, urlData } from './udp/helpers';

const ROOT = new URL('../../', import.meta.url).pathname;
const running: ChildProcess[] = [];

afterEach(() => {
  // SIGTERM, not SIGKILL: tsx passes it on to the tracker, so no orphan keeps a port open.
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

/**
 * `npx tsx …` runs tsx under `npm exec`, which starts it through `sh -c` and, on SIGTERM, dies without
 * passing the signal on (the tracker would be orphaned and its exit code lost). So the SIGTERM test
 * starts the same tsx binary directly; the tracker sees exactly the arguments npx would give it.
 */
function tracker(
  args: string[],
  viaNpx = false,
): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = viaNpx
    ? spawn('npx', ['tsx', 'electron/cli/tracker.ts', ...args], { cwd: ROOT })
    : spawn(`${ROOT}node_modules/.bin/tsx`, ['electron/cli/tracker.ts', ...args], { cwd: ROOT });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, stdout: () => out, stderr: () => err };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function until<T>(read: () => T | undefined, child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const value = read();
      if (value !== undefined) {
        clearInterval(poll);
        resolve(value);
      } else if (child.exitCode !== null) {
        clearInterval(poll);
        reject(new Error(`exited (${child.exitCode}) before ${what}`));
      }
    }, 25);
  });
}

function get(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

describe('tracker CLI', () => {
  it('prints its announce URL with the real port, serves announces, and exits 0 on SIGTERM', async () => {
    const { child, stdout } = tracker(['--port', '0', '--passkey', 'abc', '--quiet']);
    const url = await until(
      () =>
        /announce URL \(abc\): (http:\/\/127\.0\.0\.1:(\d+)\/announce)\?passkey=abc/.exec(stdout()) ??
        undefined,
      child,
      'the announce URL',
    );
    expect(Number(url[2])).toBeGreaterThan(0);
    expect(stdout()).toContain(`listening on 127.0.0.1:${url[2]}`);
    expect(stdout()).toContain(`also accepted:  http://127.0.0.1:${url[2]}/abc/announce`);

    const query = announceTarget({ peerId: id20('-TR1320-clitest00001'), event: 'started' }).replace(
      '/announce',
      '',
    );
    const response = decodeDict(await get(`${url[1]}${query}&passkey=abc`));
    expect(response).toMatchObject({ complete: 0, incomplete: 1, interval: 1800, 'min interval': 900 });
    const refused = decodeDict(await get(`${url[1]}${query}`));
    expect(Object.keys(refused)).toEqual(['failure reason']);

    const exit = exited(child);
    child.kill('SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(stdout()).toContain('SIGTERM: stopping (1 peers in 1 torrents)');
  });

  it('serves UDP (BEP 15) on the HTTP port number and prints the udp:// URLs with the real port', async () => {
    const { child, stdout } = tracker(['--port', '0', '--passkey', 'abc', '--quiet']);
    const url = await until(
      () =>
        /announce URL \(abc\): udp:\/\/127\.0\.0\.1:(\d+)\/announce\?passkey=abc/.exec(stdout()) ?? undefined,
      child,
      'the UDP announce URL',
    );
    const port = Number(url[1]);
    expect(stdout()).toContain(`listening on 127.0.0.1:${port}\n`);
    expect(stdout()).toContain(`UDP tracker (BEP 15) listening on 127.0.0.1:${port} and [::1]:${port}`);
    expect(stdout()).toContain(`  also accepted:  udp://127.0.0.1:${port}/abc/announce`);
    expect(stdout()).toContain(`announce URL (abc): udp://[::1]:${port}/announce?passkey=abc`);

    const client = await UdpClient.open(port);
    try {
      const connectionId = await client.connect();
      const options = urlData('/announce?passkey=abc');
      const answer = await client.request(
        announcePacket({ connectionId, transactionId: 5, event: 2, options }),
      );
      expect(answer).toEqual(bytesOf(be32(1), be32(5), be32(1800), be32(1), be32(0)));
    } finally {
      await client.close();
    }
  });

  it('puts UDP on --udp-port (0: a free one, printed) and leaves it out with --no-udp', async () => {
    const own = tracker(['--port', '0', '--udp-port', '0', '--no-udp6', '--quiet']);
    const url = await until(
      () => /announce URL: udp:\/\/127\.0\.0\.1:(\d+)\/announce\n/.exec(own.stdout()) ?? undefined,
      own.child,
      'the UDP announce URL',
    );
    expect(Number(url[1])).toBeGreaterThan(0);
    expect(own.stdout()).toContain(`UDP tracker (BEP 15) listening on 127.0.0.1:${url[1]}\n`);

    const none = tracker(['--port', '0', '--no-udp', '--quiet']);
    await until(
      () => (/^interval /m.test(none.stdout()) ? true : undefined),
      none.child,
      'the settings line',
    );
    expect(none.stdout()).not.toContain('udp://');
    expect(none.stdout()).not.toContain('UDP');
  });

  it('exits with code 2 and names the option when an option is invalid', async () => {
    const { child, stderr } = tracker(['--port', '0', '--selection', 'foo'], true);
    expect(await exited(child)).toEqual({ code: 2, signal: null });
    expect(stderr()).toMatch(/selection: Invalid option/);
    expect(stderr()).toContain('Usage: npm run tracker');
  });

  it('--live --host: URLs with the bound address; beyond loopback a WARNING on stderr', async () => {
    const local = tracker([
      '--live',
      '--host',
      '127.0.0.2',
      '--port',
      '0',
      '--no-udp6',
      '--passkey',
      'k1',
      '--quiet',
    ]);
    const url = await until(
      () =>
        /announce URL \(k1\): http:\/\/127\.0\.0\.2:(\d+)\/announce\?passkey=k1\n/.exec(local.stdout()) ??
        undefined,
      local.child,
      'the announce URL',
    );
    expect(local.stdout()).toContain(`announce URL (k1): udp://127.0.0.2:${url[1]}/announce?passkey=k1\n`);
    expect(local.stderr()).toBe('');

    // 192.0.2.1 (TEST-NET-1) is on no interface: the warning comes first, then the bind fails.
    const exposed = tracker(['--live', '--host', '192.0.2.1', '--port', '0', '--quiet']);
    expect(await exited(exposed.child)).toEqual({ code: 1, signal: null });
    const lines = exposed.stderr().split('\n');
    expect(lines[0]).toBe(
      'WARNING: the tracker listens on 192.0.2.1, beyond loopback: real clients on the network can reach it ' +
        'and announce. Simulated peers have loopback addresses (127.x.y.z), useless to other machines.',
    );
    expect(lines[1]).toMatch(/^cannot listen on 192\.0\.2\.1:0: .*EADDRNOTAVAIL/);

    const bad = tracker(['--host', 'my laptop', '--port', '0']);
    expect(await exited(bad.child)).toEqual({ code: 2, signal: null });
    expect(bad.stderr()).toContain('--host must be an IP address or localhost, got "my laptop"');
  });
});
