// Live mode end to end: browser mode in real Chromium, live switched on in the UI, a real client's
// raw HTTP announce (from another loopback address) to the URL the panel shows, and the peer then in
// the graph, marked real, and in the request log, named by the client and version of its peer_id.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bencode from 'bencode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, screenshot, seek, type Session } from './harness';

let s: Session;

interface Automation {
  trackerLabAutomation: {
    state(): {
      model: {
        torrents: Map<string, unknown>;
        clients: ({ id: number; name: string; real?: boolean; clientLabel?: string } | undefined)[];
      };
    };
  };
}

beforeAll(async () => {
  s = await open('steady-swarm');
}, 60_000);

afterAll(async () => {
  await s?.close();
});

function percentEncode(hex: string): string {
  return hex.replace(/../g, (b) => `%${b.toUpperCase()}`);
}

/** One announce as a real client sends it: a GET from 127.0.0.2, peer_id -TR3000-… */
function announce(url: string, infoHash: string): Promise<number> {
  const target = new URL(url);
  const query =
    `?info_hash=${percentEncode(infoHash)}&peer_id=-TR3000-e2eclient001&port=51413` +
    '&uploaded=0&downloaded=0&left=1000&event=started&compact=1&numwant=50';
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: target.hostname,
          port: Number(target.port),
          path: `${target.pathname}${query}`,
          localAddress: '127.0.0.2',
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      )
      .on('error', reject);
  });
}

describe('live mode in browser mode', () => {
  it('a real client’s announce appears in the graph, marked real, and in the request log', async () => {
    const { page } = s;
    await seek(page, 10 * 60_000);
    await page.click('[data-testid=tab-live]');
    await page.locator('[data-testid=live-port]').fill('0');
    expect(await page.locator('[data-testid=live-warning]').count()).toBe(0);
    await page.click('[data-testid=live-toggle]');
    const url = await page.locator('[data-testid=live-url-0]').textContent();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/announce$/);
    expect(await page.textContent('[data-testid=live-url-1]')).toMatch(
      /^udp:\/\/127\.0\.0\.1:\d+\/announce$/,
    );
    expect(await page.locator('[data-testid=live-warning]').count()).toBe(0);
    await screenshot(page, 'live-panel');

    const infoHash = await page.evaluate(
      () => [...(window as unknown as Automation).trackerLabAutomation.state().model.torrents.keys()][0]!,
    );
    expect(await announce(url!, infoHash)).toBe(200);

    const node = page.locator('circle.peer[data-real="true"]');
    await node.waitFor();
    const id = Number(await node.getAttribute('data-id'));
    const client = await page.evaluate(
      (i) => (window as unknown as Automation).trackerLabAutomation.state().model.clients[i],
      id,
    );
    expect(client).toMatchObject({
      name: 'Transmission 3.00 127.0.0.2:51413',
      real: true,
      clientLabel: 'Transmission 3.00',
    });
    expect(await node.getAttribute('data-look')).toBe('leeching');
    expect(await page.locator('circle.peer[data-real="true"]').count()).toBe(1);

    await page.click('[data-testid=tab-requests]');
    const row = page.locator('[data-testid^="request-row-"]', {
      hasText: 'Transmission 3.00 127.0.0.2:51413',
    });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await screenshot(page, 'live-real-client');

    // Its announce is on its own lifeline in the sequence chart: a request and the answer.
    await page.click('[data-testid=tab-sequence]');
    const arrows = page.locator(`[data-testid=seq-arrow][data-client-id="${id}"]`);
    await arrows.first().waitFor();
    expect(await arrows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-leg')).sort())).toEqual([
      'request',
      'response',
    ]);

    // A .torrent for a file, announcing to the live tracker, made from the panel.
    await page.click('[data-testid=tab-live]');
    const dir = await mkdtemp(join(tmpdir(), 'tracker-lab-e2e-'));
    try {
      await writeFile(join(dir, 'notes.txt'), 'seed me '.repeat(10_000));
      await page.locator('[data-testid=torrent-path]').fill(join(dir, 'notes.txt'));
      await page.click('[data-testid=torrent-make]');
      const shown = await page.locator('[data-testid=torrent-infohash]').textContent();
      const torrent = bencode.decode(await readFile(join(dir, 'notes.txt.torrent')));
      expect(Buffer.from(torrent.announce).toString()).toBe(url);
      expect(shown).toBe(createHash('sha1').update(bencode.encode(torrent.info)).digest('hex'));
      expect(await page.textContent('[data-testid=torrent-magnet]')).toBe(
        `magnet:?xt=urn:btih:${shown}&dn=notes.txt&tr=${encodeURIComponent(url!)}`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // Beyond loopback, the panel warns before the switch is even on.
    await page.click('[data-testid=live-toggle]');
    await page.click('[data-testid=live-host-all]');
    expect(await page.textContent('[data-testid=live-warning]')).toContain(
      'lets real clients on the network reach this tracker',
    );
    expect(s.errors).toEqual([]);
  }, 90_000);
});
