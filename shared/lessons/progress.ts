// Which of a lesson's steps have triggered in an event log: a pure function of (lesson, log, now),
// so the renderer, the timeline markers and the tests all agree. Steps trigger in order: each
// step's trigger is looked for only after the previous step triggered.
import type { LoggedEvent } from '../events';
import type { Lesson, LessonTrigger } from './schema';

export interface TriggeredStep {
  /** The step's position in the lesson (0 for the first). */
  index: number;
  id: string;
  /** Virtual time it triggered at (ms). */
  t: number;
  /** The event that triggered it; null for `start` and `time` triggers. */
  seq: number | null;
  /** Events of the log up to and including the trigger: the next step looks from here on. */
  cursor: number;
}

/**
 * Who each event is about: clients by name; the tracker's events by the client whose announce
 * made the request, or (a sweep, a restart: no request) by the peer_id the client used.
 */
interface ClientIndex {
  byName: Map<string, number>;
  byRequest: Map<number, number>;
  byPeerId: Map<string, number>;
}

function indexClients(events: readonly LoggedEvent[]): ClientIndex {
  const index: ClientIndex = { byName: new Map(), byRequest: new Map(), byPeerId: new Map() };
  for (const e of events) {
    if (e.type === 'clientCreated') index.byName.set(e.name, e.clientId);
    if (e.type === 'clientCreated' || e.type === 'clientIdentityChanged')
      index.byPeerId.set(e.peerId, e.clientId);
    else if (e.type === 'announceDelivered') index.byRequest.set(e.requestId, e.clientId);
  }
  return index;
}

function clientOf(e: LoggedEvent, index: ClientIndex): number | undefined {
  if ('clientId' in e) return e.clientId;
  if ('requestId' in e && e.requestId !== null) return index.byRequest.get(e.requestId);
  if ('peerId' in e) return index.byPeerId.get(e.peerId);
  return undefined;
}

type EventTrigger = Extract<LessonTrigger, { on: 'event' }>;

function matches(e: LoggedEvent, trigger: EventTrigger, index: ClientIndex): boolean {
  if (e.type !== trigger.type) return false;
  if (trigger.client !== undefined) {
    const id = index.byName.get(trigger.client);
    if (id === undefined || clientOf(e, index) !== id) return false;
  }
  const fields = e as unknown as Record<string, unknown>;
  return Object.entries(trigger.match).every(([key, value]) => fields[key] === value);
}

/**
 * The steps triggered so far, in order. `now` is the engine's virtual time (time triggers fire
 * once it is reached); it defaults to the last event's time.
 */
export function lessonProgress(
  lesson: Lesson,
  events: readonly LoggedEvent[],
  now = events.at(-1)?.t ?? 0,
): TriggeredStep[] {
  const index = indexClients(events);
  const triggered: TriggeredStep[] = [];
  let cursor = 0;
  let t = 0;
  for (const [i, step] of lesson.steps.entries()) {
    const trigger = step.trigger;
    let seq: number | null = null;
    if (trigger.on === 'time') {
      if (trigger.at > now) break;
      t = Math.max(t, trigger.at);
      while (cursor < events.length && events[cursor]!.t <= t) cursor++;
    } else if (trigger.on === 'event') {
      let seen = 0;
      let found = -1;
      for (let k = cursor; k < events.length; k++) {
        if (matches(events[k]!, trigger, index) && ++seen === trigger.nth) {
          found = k;
          break;
        }
      }
      if (found < 0) break;
      const e = events[found]!;
      seq = e.seq;
      t = e.t;
      cursor = found + 1;
    }
    triggered.push({ index: i, id: step.id, t, seq, cursor });
  }
  return triggered;
}

export interface LessonMarker {
  at: number;
  label: string;
}

/** Where the triggered steps fall on the timeline, for markers: "2. The first periodic announce". */
export function stepMarkers(lesson: Lesson, triggered: readonly TriggeredStep[]): LessonMarker[] {
  return triggered.map((s) => ({ at: s.t, label: `${s.index + 1}. ${lesson.steps[s.index]!.title}` }));
}

/** The markers of the steps a log has reached (see `lessonProgress` for `now`). */
export function lessonStepTimes(
  lesson: Lesson,
  events: readonly LoggedEvent[],
  now?: number,
): LessonMarker[] {
  return stepMarkers(lesson, lessonProgress(lesson, events, now));
}
