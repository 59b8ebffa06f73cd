import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/sim/scenario';
import { parseDuration, parseRate, parseSize } from '../../shared/units';
import { scenarioPresets } from '../../electron/sim/presets';

const minimal = { name: 'x', torrents: [{ id: 't', size: 1000 }] };

describe('units', () => {
  it.each([
    [90, 90_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['2h', 7_200_000],
    [0.1, 100],
  ])('duration %j is %i ms', (input, ms) => expect(parseDuration(input)).toBe(ms));

  it.each(['', 'soon', '5 minutes', -1, '1x'])('duration %j is refused', (input) =>
    expect(parseDuration(input)).toBeNull(),
  );

  it('sizes and rates: decimal and binary units, bytes when bare', () => {
    expect(parseSize('700MiB')).toBe(700 * 1024 ** 2);
    expect(parseSize('1GB')).toBe(1e9);
    expect(parseSize(76781572)).toBe(76781572);
    expect(parseRate('512KiB/s')).toBe(512 * 1024);
    expect(parseRate('2MB/s')).toBe(2e6);
    expect(parseSize('lots')).toBeNull();
  });
});

describe('scenario files', () => {
  it('fills in documented defaults, in the units the engine uses (ms, bytes)', () => {
    const parsed = parseScenario(minimal);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario).toMatchObject({
      seed: 1,
      duration: 7_200_000,
      tracker: { preset: 'tracker-lab', settings: {}, users: [] },
      torrents: [{ id: 't', size: 1000, pieceSize: 262_144 }],
      network: { announceRtt: 100, announceTimeout: 30_000, tick: 5_000, progressEvery: 10_000 },
      groups: [],
      timeline: [],
    });
  });

  it('a partial network section keeps the other defaults', () => {
    const parsed = parseScenario({ ...minimal, network: { tick: 1 } });
    expect(parsed.ok && parsed.scenario.network).toEqual({
      announceRtt: 100,
      announceTimeout: 30_000,
      tick: 1_000,
      progressEvery: 10_000,
    });
  });

  it.each([
    [{ ...minimal, torrents: [] }, 'torrents: Too small: expected array to have >=1 items'],
    [
      { ...minimal, torrents: [{ id: 'Bad Id', size: 1 }] },
      'torrents[0].id: lower-case letters, digits and - (at most 40)',
    ],
    [
      { ...minimal, torrents: [{ id: 't', size: 'huge' }] },
      'torrents[0].size: not a size (e.g. 76781572, "700MiB"): "huge"',
    ],
    [
      { ...minimal, groups: [{ name: 'a', count: 0 }] },
      'groups[0].count: Too small: expected number to be >=1',
    ],
    [{ ...minimal, groups: [{ name: 'a', profile: 'bittorrent-9' }] }, 'groups[0].profile: Invalid option'],
    [
      { ...minimal, groups: [{ name: 'a', torrent: 'nope' }] },
      'groups[0].torrent: no torrent with id "nope"',
    ],
    [{ ...minimal, groups: [{ name: 'a', user: 'alice' }] }, 'groups[0].user: no tracker user named "alice"'],
    [{ ...minimal, groups: [{ name: 'a', uploadCapacity: 'fast' }] }, 'groups[0].uploadCapacity'],
    [
      { ...minimal, groups: [{ name: 'a', count: 2, peerId: '-TR1320-ph6nbw6phum2' }] },
      'groups[0].peerId: a fixed peerId or key needs a group of one',
    ],
    [
      { ...minimal, timeline: [{ at: '1m', type: 'pauseClient', client: 'ghost' }] },
      'timeline[0].client: no client named "ghost"',
    ],
    [{ ...minimal, timeline: [{ at: 'later', type: 'stopTracker' }] }, 'timeline[0].at: not a duration'],
    [
      { ...minimal, network: { tick: 10, progressEvery: 5 } },
      'network.progressEvery: must be at least the tick',
    ],
    [{ ...minimal, colour: 'blue' }, 'Unrecognized key: "colour"'],
  ])('%j is refused with an error naming the JSON path', (input, message) => {
    const parsed = parseScenario(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.some((e) => e.includes(message))).toBe(true);
  });

  it('every preset is a valid scenario with a kebab-case name and a description', () => {
    const names = new Set<string>();
    for (const preset of scenarioPresets) {
      const parsed = parseScenario(preset);
      expect(parsed.ok, preset.name).toBe(true);
      expect(preset.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect((preset.description ?? '').length).toBeGreaterThan(20);
      names.add(preset.name);
    }
    expect(names.size).toBe(13);
  });
});
