// "Why is (or isn't) this client listed?" from the events of real runs.
import { describe, expect, it } from 'vitest';
import { explainListing } from '../../shared/views/listing';
import { SwarmModel } from '../../shared/views/model';
import { run } from '../engine/helpers';

async function modelAt(preset: string, until?: number) {
  const r = await run(preset, until === undefined ? {} : { until });
  const model = new SwarmModel();
  model.trackerSettings = r.engine.prepared.trackerSettings;
  model.apply(r.events);
  return { model, client: (name: string) => model.client(r.id(name))! };
}

describe('explainListing', () => {
  // crash-ghost: interval 10 min, peer timeout 30 min, a sweep every minute; the crasher's last
  // announce reaches the tracker at 10m30s and it crashes at 20m, just before the next one.
  it('a crashed client is still listed, as a ghost, until the timeout', async () => {
    const { model, client } = await modelAt('crash-ghost', 1_800_000);
    const crasher = client('crasher');
    expect(crasher.state).toBe('crashed');
    expect(explainListing(model, crasher, 1_800_000)).toEqual({
      listed: true,
      headline: 'Listed as a leecher: its last announce reached the tracker at 10m30s (19m30s ago).',
      details: [
        "The peer timeout is 30m00s: unless it announces again, the tracker's next sweep after 40m30s removes it.",
        'The client has crashed and sent no stopped, so the tracker cannot know: it is a ghost, still handed out to others.',
      ],
    });
  });

  it('once reaped, it says when and after how long a silence', async () => {
    const { model, client } = await modelAt('crash-ghost');
    expect(explainListing(model, client('crasher'), 3_000_000)).toEqual({
      listed: false,
      headline: 'Not listed: the tracker reaped it at 41m00s after the peer timeout.',
      details: ['It was last heard from at 10m30s; nothing came for 30m30s (timeout 30m00s).'],
    });
  });

  it('a client that quit properly was removed by its stopped', async () => {
    const { model, client } = await modelAt('anatomy-of-a-session');
    expect(explainListing(model, client('you'), 7_000_000)).toEqual({
      listed: false,
      headline: 'Not listed: it sent stopped at 1h54m09s, and the tracker removed it at once.',
      details: [],
    });
  });
});
