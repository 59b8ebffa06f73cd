// One line per request for the headless tracker, assembled from the tracker's events.
import type { TrackerEvent } from '../../shared/tracker/events';

interface Pending {
  remote: string;
  method: string;
  target: string;
  detail: string;
}

const MAX_TARGET_SHOWN = 160;

export function requestLogger(
  write: (line: string) => void,
  clock: () => number,
): (event: TrackerEvent) => void {
  const pending = new Map<number, Pending>();
  return (event) => {
    switch (event.type) {
      case 'requestReceived':
        pending.set(event.requestId, {
          remote: `${event.remoteIp}:${event.remotePort}`,
          method: event.method,
          target:
            event.target.length > MAX_TARGET_SHOWN
              ? event.target.slice(0, MAX_TARGET_SHOWN) + '…'
              : event.target,
          detail: '',
        });
        break;
      case 'announceAnswered': {
        const p = pending.get(event.requestId);
        if (p)
          p.detail = `${event.peers.length} peers, ${event.complete} seeders / ${event.incomplete} leechers`;
        break;
      }
      case 'scrapeAnswered': {
        const p = pending.get(event.requestId);
        if (p) p.detail = `${event.files.length} torrents`;
        break;
      }
      case 'requestFailed': {
        const p = pending.get(event.requestId);
        if (p) p.detail = `failure: ${event.reason}`;
        break;
      }
      case 'responseSent': {
        const p = pending.get(event.requestId);
        pending.delete(event.requestId);
        if (!p) break;
        const time = new Date(clock()).toISOString().slice(11, 19);
        write(
          `${time} ${p.remote} ${p.method} ${p.target} → ${event.status} ${event.bytes} B${p.detail ? ` (${p.detail})` : ''}`,
        );
        break;
      }
      case 'peerRemoved':
        if (event.reason === 'expired') {
          write(
            `${new Date(clock()).toISOString().slice(11, 19)} expired ${event.ip}:${event.port} (${event.infoHash.slice(0, 8)}…)`,
          );
        }
        break;
      default:
        break;
    }
  };
}
