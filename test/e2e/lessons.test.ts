// A whole guided lesson in real Chromium (browser mode, the real engine): "Anatomy of a torrent
// session", step by step through the Lessons panel — the engine stops exactly at each pause step
// (at full speed it runs past and is sent back), predictions are answered and revealed, Back /
// Next, leaving to experiment and returning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, screenshot, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  s = await open('steady-swarm');
}, 60_000);

afterAll(async () => {
  await s?.close();
});

interface Status {
  now: number;
  playing: boolean;
}

async function status(): Promise<Status> {
  return s.page.evaluate(
    () =>
      (
        window as unknown as { trackerLabAutomation: { state(): { status: Status } } }
      ).trackerLabAutomation.state().status,
  );
}

const text = (id: string) => s.page.textContent(`[data-testid=${id}]`);

/** Waits until the panel shows step `k` titled `title`. */
async function atStep(k: number, title: string): Promise<void> {
  await s.page.waitForSelector(`[data-testid=lesson-progress]:text-is("Step ${k} of 12")`);
  expect(await text('lesson-step-title')).toBe(title);
}

/** The engine has stopped at exactly virtual time `t` (the step's trigger). */
async function pausedAt(t: number): Promise<void> {
  await expect.poll(status, { timeout: 20_000 }).toEqual(expect.objectContaining({ now: t, playing: false }));
}

async function continueTo(k: number, title: string): Promise<void> {
  await s.page.click('[data-testid=lesson-play]');
  await atStep(k, title);
}

async function predict(choice: number, verdict: string): Promise<void> {
  await s.page.click(`[data-testid=lesson-choice-${choice}]`);
  await s.page.click('[data-testid=lesson-reveal]');
  expect(await text('lesson-verdict')).toContain(verdict);
}

describe('the Anatomy lesson in the browser', () => {
  it('walks the seed’s session step by step, pausing where the narration asks', async () => {
    const { page } = s;
    await page.click('[data-testid=tab-lessons]');
    await page.click('[data-testid=lesson-start-anatomy-of-a-session]');
    await atStep(1, 'A real session, replayed');
    expect(await text('lesson-title')).toBe('Anatomy of a torrent session');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window as unknown as {
                trackerLabAutomation: { state(): { session: { scenario: { name: string } } } };
              }
            ).trackerLabAutomation.state().session.scenario.name,
        ),
      )
      .toBe('anatomy-of-a-session');
    // As fast as possible: every pause step is overshot, and the lesson brings the engine back.
    await page.selectOption('[data-testid=speed]', 'max');

    await continueTo(2, 'event=started');
    await pausedAt(60_000);
    await predict(0, '✓ Right.');
    await screenshot(page, 'lesson-anatomy-started');

    // Step 3 does not pause; the engine plays on to step 4, eight minutes in.
    await continueTo(4, 'Between two announces');
    await pausedAt(480_000);
    await predict(1, '✗ Not quite');
    await page.click('[data-testid=lesson-back]');
    await atStep(3, 'Listed as leeching');
    await page.click('[data-testid=lesson-back]');
    await atStep(2, 'event=started');
    expect(await text('lesson-verdict')).toContain('✓ Right.');
    await page.click('[data-testid=lesson-next]');
    await page.click('[data-testid=lesson-next]');
    await atStep(4, 'Between two announces');

    await continueTo(5, 'The first periodic announce');
    await pausedAt(960_150);
    await continueTo(6, 'Almost done');
    await pausedAt(4_980_000);
    // Answering and playing on reveals the answer (Back shows it).
    await page.click('[data-testid=lesson-choice-1]');
    await continueTo(7, 'event=completed — when the download finishes');
    await pausedAt(5_049_000);
    expect(await text('lesson-narration')).toContain('Seed 002 is wrong here.');
    await page.click('[data-testid=lesson-back]');
    expect(await text('lesson-verdict')).toContain('✓ Right.');
    await page.click('[data-testid=lesson-next]');
    await screenshot(page, 'lesson-anatomy-completed');

    // Leave to experiment: nothing is narrated or paused; return picks up from the log.
    await page.click('[data-testid=lesson-leave]');
    await page.waitForSelector('[data-testid=lesson-left]');
    await page.click('[data-testid=lesson-return]');
    await atStep(7, 'event=completed — when the download finishes');

    // Steps 8 and 9 do not pause; step 10 does, at 110 minutes.
    await continueTo(10, 'Closing the client');
    await pausedAt(6_600_000);
    await predict(1, '✓ Right.');
    await continueTo(11, 'event=stopped — when the client quits');
    await pausedAt(6_849_000);
    await continueTo(12, 'Gone from the swarm');
    expect(await text('lesson-finished')).toBe('End of the lesson.');
    await page.click('[data-testid=lesson-back]');
    await atStep(11, 'event=stopped — when the client quits');
    await screenshot(page, 'lesson-anatomy-end');
    expect(s.errors).toEqual([]);
  }, 120_000);
});
