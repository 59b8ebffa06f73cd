// "Why is (or isn't) this client listed?" answered from the events: the tracker entries the client
// owns (added, changed, removed with a reason), when the tracker last heard from it, the peer
// timeout in force, and what the client itself is doing. Nothing is guessed: every sentence names
// an event or a setting.
import type { PeerEntry } from '../tracker/entries';
import { formatDuration } from '../units';
import type { SwarmModel } from './model';
import type { ClientRow } from './types';

export interface ListingExplanation {
  listed: boolean;
  /** One sentence: the answer. */
  headline: string;
  /** The evidence, one sentence each. */
  details: string[];
}

type ListingModel = Pick<SwarmModel, 'entries' | 'entryOwner' | 'trackerSettings'>;

/** Every tracker entry the client has owned, oldest first. */
export function entriesOf(model: ListingModel, clientId: number): PeerEntry[] {
  const out: PeerEntry[] = [];
  for (const [entry, owner] of model.entryOwner) {
    if (owner !== clientId) continue;
    const e = model.entries.get(entry);
    if (e) out.push(e);
  }
  return out.sort((a, b) => a.entry - b.entry);
}

const at = (t: number) => formatDuration(t);

/** Why the tracker lists this client right now (at virtual time `now`), or why it does not. */
export function explainListing(model: ListingModel, client: ClientRow, now: number): ListingExplanation {
  const timeoutMs = (model.trackerSettings?.peerTimeout ?? 0) * 1000;
  const entries = entriesOf(model, client.id);
  const listed = entries.filter((e) => e.listed);
  const details: string[] = [];

  if (listed.length > 0) {
    // The client's own last-heard time: an announce that changes nothing updates no entry.
    const lastSeen = client.lastHeard ?? Math.max(...listed.map((e) => e.lastSeen ?? 0));
    const seeder = listed.some((e) => e.seeder);
    const headline = `Listed as ${seeder ? 'a seeder' : 'a leecher'}: its last announce reached the tracker at ${at(lastSeen)} (${formatDuration(Math.max(0, now - lastSeen))} ago).`;
    if (timeoutMs > 0) {
      details.push(
        `The peer timeout is ${formatDuration(timeoutMs)}: unless it announces again, the tracker's next sweep after ${at(lastSeen + timeoutMs)} removes it.`,
      );
    }
    if (client.state === 'crashed')
      details.push(
        'The client has crashed and sent no stopped, so the tracker cannot know: it is a ghost, still handed out to others.',
      );
    else if (client.state === 'stopped')
      details.push(
        'The client quit, but its stopped announce never reached the tracker: it is a ghost until the timeout.',
      );
    else if (client.state === 'paused')
      details.push(
        listed.some((e) => e.paused)
          ? 'The client is paused and said so (event=paused, BEP 21): still listed, as a paused peer.'
          : 'The client is paused and sends nothing while paused, so the tracker still lists it as it was.',
      );
    else if (client.state === 'offline')
      details.push(
        'The client is offline: its announces do not arrive, so the tracker still lists it as it was.',
      );
    if (listed.length > 1)
      details.push(
        `It is listed ${listed.length} times (${listed.map((e) => `${e.ip}:${e.port}`).join(', ')}): the tracker did not recognise its new address as the same client.`,
      );
    return { listed: true, headline, details };
  }

  const last = entries.at(-1);
  if (!last) {
    if (client.state === 'idle')
      return { listed: false, headline: 'Not listed: the client has not started yet.', details };
    const failure = client.lastFailure;
    return {
      listed: false,
      headline: 'Not listed: no announce of this client has reached the tracker.',
      details: failure ? [`Its last announce failed at ${at(failure.t)}: ${failure.reason}.`] : details,
    };
  }
  const removedAt = last.removedAt ?? now;
  switch (last.removedReason) {
    case 'stopped':
      return {
        listed: false,
        headline: `Not listed: it sent stopped at ${at(removedAt)}, and the tracker removed it at once.`,
        details,
      };
    case 'expired':
      return {
        listed: false,
        headline: `Not listed: the tracker reaped it at ${at(removedAt)} after the peer timeout.`,
        details: [
          `It was last heard from at ${at(last.lastSeen ?? 0)}; nothing came for ${formatDuration(removedAt - (last.lastSeen ?? 0))}${timeoutMs > 0 ? ` (timeout ${formatDuration(timeoutMs)})` : ''}.`,
        ],
      };
    case 'restart':
      return {
        listed: false,
        headline: `Not listed: the tracker restarted at ${at(removedAt)} and forgot every peer it kept in memory.`,
        details:
          client.nextAnnounceAt !== null
            ? [
                `It will be listed again when its next announce arrives (due at ${at(client.nextAnnounceAt)}).`,
              ]
            : details,
      };
    default:
      return {
        listed: false,
        headline: `Not listed since ${at(removedAt)}.`,
        details,
      };
  }
}
