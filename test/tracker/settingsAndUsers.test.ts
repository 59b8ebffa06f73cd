// Switching tracker behaviour and adding users while it runs: validated patches, named errors, events.
import { describe, expect, it } from 'vitest';
import { Tracker } from '../../electron/tracker/tracker';
import { defaultTrackerSettings } from '../../shared/tracker/settings';
import { presetSettings, trackerPresetNames } from '../../shared/tracker/presets';
import { id20, testTracker, text } from './helpers';

describe('settings', () => {
  it('applies a valid patch, reports the keys that changed, and uses it from the next announce', () => {
    const t = testTracker();
    expect(t.tracker.updateSettings({ selection: 'oldest', interval: 1800, minInterval: 0 }, 5)).toEqual({
      ok: true,
      changed: ['minInterval', 'selection'],
    });
    expect(t.eventsOf('trackerSettingsChanged')).toMatchObject([
      { t: 5, changed: ['minInterval', 'selection'] },
    ]);
    const response = t.announce({ peerId: id20('A') });
    expect(response['min interval']).toBeUndefined();
    expect(t.eventsOf('announceAnswered')[0]!.strategy).toBe('oldest');
  });

  it('refuses an invalid patch, names the field, and changes nothing', () => {
    const t = testTracker();
    expect(t.tracker.updateSettings({ selection: 'fastest' }, 0)).toMatchObject({ ok: false });
    const tooMany = t.tracker.updateSettings({ numwantDefault: 300 }, 0);
    expect(tooMany).toEqual({
      ok: false,
      error: 'settings.numwantDefault: numwantDefault must not exceed numwantMax',
    });
    expect(t.tracker.updateSettings({ peerTimeout: 0 }, 0)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^settings\.peerTimeout: /),
    });
    expect(t.tracker.updateSettings({ colour: 'red' }, 0)).toMatchObject({ ok: false });
    expect(t.tracker.updateSettings([], 0)).toEqual({ ok: false, error: 'settings: expected an object' });
    expect(t.tracker.settings).toEqual(defaultTrackerSettings);
    expect(t.eventsOf('trackerSettingsChanged')).toEqual([]);
  });

  it('refuses invalid settings at construction', () => {
    expect(() => new Tracker({ settings: { interval: 0 } })).toThrow(/^settings\.interval: /);
  });

  it.each(trackerPresetNames)('accepts the %s preset as valid settings', (name) => {
    const tracker = new Tracker({ settings: presetSettings(name) });
    expect(tracker.settings).toEqual(presetSettings(name));
  });
});

describe('users', () => {
  it('lets a user added at run time announce, and refuses a passkey registered twice', () => {
    const t = testTracker({ private: true });
    const refused = t.announce({ peerId: id20('A'), passkey: 'newkey' });
    expect(text(refused['failure reason'])).toBe('unknown passkey');
    expect(t.tracker.addUser({ passkey: 'newkey', name: 'carol' }, 7)).toEqual({ ok: true });
    expect(t.eventsOf('trackerUserAdded')).toEqual([
      { type: 'trackerUserAdded', t: 7, user: 'carol', passkey: 'newkey' },
    ]);
    t.announce({ peerId: id20('A'), passkey: 'newkey' });
    expect(t.tracker.stats().users).toEqual([
      { name: 'carol', uploaded: 0, downloaded: 0, snatches: 0, seeding: 0, leeching: 1 },
    ]);
    expect(t.tracker.addUser({ passkey: 'newkey', name: 'dave' }, 8)).toEqual({
      ok: false,
      error: 'user.passkey: already registered',
    });
    expect(t.tracker.addUser({ passkey: 'no/slash', name: 'eve' }, 9)).toMatchObject({
      ok: false,
      error: 'user.passkey: letters, digits, _ and - only',
    });
  });
});

describe('/stats.json', () => {
  it('leaves the peer lists out with ?peers=0', () => {
    const t = testTracker();
    t.announce({ peerId: id20('A') });
    const body = JSON.parse(new TextDecoder().decode(t.get('/stats.json?peers=0').body)) as unknown;
    expect(body).toEqual(t.tracker.stats(false));
    expect(t.tracker.stats(false).torrents[0]).not.toHaveProperty('peers');
  });
});
