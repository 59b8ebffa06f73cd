// Notable moments of a run, for the timeline: what a teacher wants to jump to.
import type { LoggedEvent } from '../events';

export type MarkerKind = 'crash' | 'expired' | 'tracker' | 'command' | 'quit' | 'completed' | 'lesson';

export interface Marker {
  t: number;
  kind: MarkerKind;
  label: string;
}

const MAX_MARKERS = 400;

/** Markers from the log; `name` resolves a client id. Capped (evenly) so a big swarm stays readable. */
export function timelineMarkers(
  events: readonly LoggedEvent[],
  name: (clientId: number) => string,
): Marker[] {
  const out: Marker[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'clientStateChanged':
        if (e.state === 'crashed') out.push({ t: e.t, kind: 'crash', label: `${name(e.clientId)} crashed` });
        else if (e.state === 'stopped') out.push({ t: e.t, kind: 'quit', label: `${name(e.clientId)} quit` });
        break;
      case 'peerRemoved':
        if (e.reason === 'expired')
          out.push({ t: e.t, kind: 'expired', label: `the tracker reaped ${e.ip}:${e.port} (timeout)` });
        break;
      case 'trackerRestarted':
        out.push({
          t: e.t,
          kind: 'tracker',
          label: `tracker restarted${e.keptState ? '' : `, ${e.peersDropped} peers forgotten`}`,
        });
        break;
      case 'trackerAvailabilityChanged':
        out.push({ t: e.t, kind: 'tracker', label: e.up ? 'tracker back up' : 'tracker down' });
        break;
      case 'commandApplied':
        if (e.source === 'user') out.push({ t: e.t, kind: 'command', label: `you: ${e.command.type}` });
        break;
      default:
        break;
    }
  }
  if (out.length <= MAX_MARKERS) return out;
  const step = out.length / MAX_MARKERS;
  return Array.from({ length: MAX_MARKERS }, (_, i) => out[Math.floor(i * step)]!);
}
