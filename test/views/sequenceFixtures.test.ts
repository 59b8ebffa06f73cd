// The sequence chart's component tests (test/renderer/sequence, jsdom: no engine there) read real
// preset logs saved as fixtures. This keeps them true: each fixture must equal what the engine
// writes for its preset today. Regenerate with UPDATE_SEQUENCE_FIXTURES=1 npx vitest run <this file>, then prettier --write them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { LoggedEvent } from '../../shared/events';
import { run } from '../engine/helpers';

const dir = join(__dirname, '../renderer/sequence/fixtures');

/** The preset's log without transfer progress (the chart never reads it), renumbered. */
async function chartLog(preset: string): Promise<LoggedEvent[]> {
  const r = await run(preset);
  return r.events.filter((e) => e.type !== 'transfersProgressed').map((e, seq) => ({ ...e, seq }));
}

for (const preset of ['pause-sends-nothing', 'tracker-restart']) {
  it(`the ${preset} fixture is the engine's log for that preset`, async () => {
    const events = await chartLog(preset);
    const file = join(dir, `${preset}.json`);
    if (process.env.UPDATE_SEQUENCE_FIXTURES === '1') writeFileSync(file, JSON.stringify(events) + '\n');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(events);
  });
}
