// The exports' exact bytes: NDJSON lines, the request log as on the wire, the metrics CSV.
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../../shared/events';
import { METRICS_COLUMNS, metricsCsv, requestLogText, toNdjson } from '../../shared/views/exports';
import { SwarmModel } from '../../shared/views/model';
import { run } from '../engine/helpers';

describe('toNdjson', () => {
  it('writes one JSON object per line, each line ending in a newline', () => {
    const events = [
      { seq: 0, t: 0, type: 'simulationStarted' },
      { seq: 1, t: 1800, type: 'trackerAvailabilityChanged', up: false },
    ] as unknown as LoggedEvent[];
    expect(toNdjson([])).toBe('');
    expect(toNdjson(events)).toBe(
      '{"seq":0,"t":0,"type":"simulationStarted"}\n{"seq":1,"t":1800,"type":"trackerAvailabilityChanged","up":false}\n',
    );
  });
});

describe('requestLogText', () => {
  it("is the seed's capture: one GET line per request, in the order the tracker received them", async () => {
    const { events, of } = await run('anatomy-of-a-session');
    const model = new SwarmModel();
    model.apply(events);
    const lines = requestLogText(model.requests).split('\n');
    expect(lines.pop()).toBe('');
    const received = of('requestReceived');
    expect(lines).toEqual(received.map((r) => `GET ${r.target}`));
    // The seeder and the seed's Transmission 1.32 leecher: 19 requests over the 2h15m run.
    expect(lines).toHaveLength(19);
    expect(lines[0]).toMatch(
      /^GET \/[0-9a-f]{32}\/announce\?info_hash=(%[0-9A-F]{2}|[A-Za-z0-9._~-])+&peer_id=/,
    );
    // The leecher's lines, told apart by its key (both clients are Transmission 1.32).
    const key = /&key=(\w+)&event=completed/.exec(lines.find((l) => l.includes('&event=completed'))!)![1];
    const leecher = lines.filter((l) => l.includes(`&key=${key}`));
    expect(leecher.every((l) => l.includes('&peer_id=-TR1320-'))).toBe(true);
    expect(leecher.map((l) => /&event=(\w+)/.exec(l)?.[1] ?? 'periodic')).toEqual([
      'started',
      ...Array(5).fill('periodic'),
      'completed',
      'periodic',
      'stopped',
    ]);
  });
});

describe('metricsCsv', () => {
  it('puts counts and totals on one time grid, each value held from its last change', () => {
    const model = {
      counts: [
        { t: 0, complete: 1, incomplete: 0 },
        { t: 60_000, complete: 1, incomplete: 1 },
        { t: 60_000, complete: 1, incomplete: 2 },
      ],
      totals: [
        { t: 30_000, trueUploaded: 100, trueDownloaded: 50, creditedUploaded: 0, creditedDownloaded: 0 },
        { t: 90_000, trueUploaded: 300, trueDownloaded: 250, creditedUploaded: 100, creditedDownloaded: 50 },
      ],
      requestsPerMinute: new Map([
        [0, 2],
        [1, 5],
      ]),
    };
    expect(metricsCsv(model, 120_000)).toBe(
      [
        METRICS_COLUMNS.join(','),
        '0,0s,1,0,0,0,0,0,2',
        '30000,30s,1,0,100,0,50,0,2',
        '60000,1m00s,1,2,100,0,50,0,5',
        '90000,1m30s,1,2,300,100,250,50,5',
        '120000,2m00s,1,2,300,100,250,50,0',
        '',
      ].join('\r\n'),
    );
  });

  it('stops at `until`', () => {
    const model = {
      counts: [
        { t: 0, complete: 0, incomplete: 1 },
        { t: 10_000, complete: 1, incomplete: 0 },
      ],
      totals: [],
      requestsPerMinute: new Map<number, number>(),
    };
    expect(metricsCsv(model, 5_000).split('\r\n')).toEqual([
      METRICS_COLUMNS.join(','),
      '0,0s,0,1,0,0,0,0,0',
      '5000,5s,0,1,0,0,0,0,0',
      '',
    ]);
  });
});
