// The selected client: who it is on the wire, what it really did beside what the tracker believes,
// and the actions a user can take on it (each an action command, logged like any other event).
import { displayHex } from '../../../../shared/bytes';
import type { ActionCommandInput } from '../../../../shared/commands';
import { divergences } from '../../../../shared/views/divergence';
import { explainListing } from '../../../../shared/views/listing';
import type { ClientRow } from '../../../../shared/views/types';
import { formatBytes, formatDuration } from '../../../../shared/units';
import { useApp, useAppShallow, useCommand } from '../../store/context';
import { virtualNow } from '../../store/store';

interface Action {
  type: ClientActionType;
  label: string;
  title: string;
  enabled: (c: ClientRow) => boolean;
}

type ClientActionType = Extract<ActionCommandInput, { client: string }>['type'];

const running = (c: ClientRow): boolean => ['leeching', 'seeding', 'paused', 'offline'].includes(c.state);

const actions: Action[] = [
  {
    type: 'pauseClient',
    label: 'Pause',
    title: 'Pause the torrent (what it sends depends on the client profile)',
    enabled: (c) => running(c) && c.state !== 'paused',
  },
  {
    type: 'resumeClient',
    label: 'Resume',
    title: 'Resume the paused torrent',
    enabled: (c) => c.state === 'paused',
  },
  {
    type: 'forceAnnounce',
    label: 'Announce now',
    title: 'A manual announce (some clients honour min interval)',
    enabled: (c) => running(c) && c.state !== 'paused',
  },
  {
    type: 'disconnectClient',
    label: 'Go offline',
    title: 'Lose the network: announces time out and are retried',
    enabled: (c) => running(c) && c.state !== 'offline',
  },
  {
    type: 'reconnectClient',
    label: 'Go online',
    title: 'Get the network back',
    enabled: (c) => c.state === 'offline',
  },
  {
    type: 'changeClientIp',
    label: 'Change IP',
    title: 'The same client behind a new address (same key)',
    enabled: running,
  },
  {
    type: 'quitClient',
    label: 'Quit',
    title: 'Close the client properly: it sends stopped',
    enabled: running,
  },
  {
    type: 'crashClient',
    label: 'Crash',
    title: 'Vanish without stopped: a ghost until the peer timeout',
    enabled: running,
  },
  {
    type: 'restartClient',
    label: 'Restart',
    title: 'Start a crashed or stopped client again: counters from 0',
    enabled: (c) => c.state === 'crashed' || c.state === 'stopped',
  },
];

export function ClientPanel() {
  const { store } = useApp();
  const command = useCommand();
  const { client } = useAppShallow((s) => ({
    client: s.selectedClient === null ? undefined : s.model.client(s.selectedClient),
    v: s.version,
  }));
  if (!client)
    return <aside className="client-panel empty">Click a peer in the graph or a row to see it here.</aside>;
  const now = virtualNow(store.getState(), performance.now());
  const issues = divergences(client, now);
  const listing = explainListing(store.getState().model, client, now);
  return (
    <aside className="client-panel" aria-label={`Client ${client.name}`} data-testid="client-panel">
      <header>
        <strong data-testid="client-name">{client.name}</strong>{' '}
        <span className={`state ${client.state}`} data-testid="client-state">
          {client.state}
        </span>{' '}
        <span title="Client profile">{client.profile}</span>
      </header>
      <dl className="facts">
        <dt title="The address the tracker sees (every simulated peer lives in 127.0.0.0/8)">address</dt>
        <dd>
          {client.ip}:{client.port}
        </dd>
        <dt title="20 bytes identifying the client; printable ones are shown as text">peer_id</dt>
        <dd>{displayHex(client.peerIds[client.peerIds.length - 1]!)}</dd>
        <dt title="What the client really moved">true up / down</dt>
        <dd>
          {formatBytes(client.trueUploaded)} / {formatBytes(client.trueDownloaded)} (
          {formatBytes(client.left)} left)
        </dd>
        <dt title="What the tracker has credited from its announces">credited up / down</dt>
        <dd>
          {formatBytes(client.creditedUploaded)} / {formatBytes(client.creditedDownloaded)}
        </dd>
        <dt title="How the tracker lists it right now">tracker lists it</dt>
        <dd data-testid="client-listed">
          {client.listedAs === null
            ? 'not listed'
            : `as ${client.listedAs}${client.listedEntries.size > 1 ? ` (${client.listedEntries.size} entries)` : ''}`}
        </dd>
        <dt title="When the tracker last heard from it">last heard</dt>
        <dd>{client.lastHeard === null ? 'never' : `${formatDuration(now - client.lastHeard)} ago`}</dd>
        <dt title="When it will announce next">next announce</dt>
        <dd>
          {client.nextAnnounceAt === null || !running(client)
            ? '—'
            : `in ${formatDuration(Math.max(0, client.nextAnnounceAt - now))}`}
        </dd>
      </dl>
      <details className="listing" data-testid="client-listing">
        <summary title="Why the tracker lists this client, or why not, from the events">
          Why {listing.listed ? 'is' : 'isn’t'} it listed?
        </summary>
        <p data-testid="client-listing-headline">{listing.headline}</p>
        {listing.details.length > 0 && (
          <ul>
            {listing.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </details>
      {issues.length > 0 && (
        <ul className="divergences" data-testid="client-divergences">
          {issues.map((d) => (
            <li key={d.kind} className={`divergence ${d.kind}`}>
              {d.text}
            </li>
          ))}
        </ul>
      )}
      {client.real ? (
        <p className="real-client-note" data-testid="client-real">
          A real client{client.clientLabel ? ` (${client.clientLabel})` : ''}: what it did is what it reported
          to the tracker, and only the program itself can pause or stop it.
        </p>
      ) : (
        <div className="actions" role="group" aria-label="Client actions">
          {actions.map((a) => (
            <button
              key={a.type}
              title={a.title}
              disabled={!a.enabled(client)}
              onClick={() => void command({ type: a.type, client: client.name })}
              data-testid={`action-${a.type}`}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </aside>
  );
}
