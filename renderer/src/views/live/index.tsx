// Live mode: the tracker on a real socket and the clock at 1× real time, so real BitTorrent clients
// join the simulated swarm. The interface to bind (loopback unless the user chooses otherwise, with a
// warning), the URLs to paste into a client, whether real clients may be sent simulated peers, and a
// .torrent maker.
import { useState } from 'react';
import { useAppState, useCommand } from '../../store/context';
import { CopyButton } from './CopyButton';
import { TorrentForm } from './TorrentForm';
import { useLive } from './useLive';
import './live.css';

type Interface = 'loopback' | 'all' | 'custom';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

function hostOf(choice: Interface, typed: string): string {
  if (choice === 'loopback') return '127.0.0.1';
  if (choice === 'all') return '0.0.0.0';
  return typed.trim();
}

export function LivePanel() {
  const live = useLive();
  const command = useCommand();
  const simToReal = useAppState((s) => s.model.trackerSettings?.simulatedPeersToRealClients ?? false);
  const [choice, setChoice] = useState<Interface>('loopback');
  const [typed, setTyped] = useState('');
  const [port, setPort] = useState('6969');
  const enabled = live.info?.enabled ?? false;
  const host = hostOf(choice, typed);
  const exposed = !LOOPBACK.test(host);
  // Before switching on, said from the choice; once live, as the engine says it.
  const warning = enabled
    ? (live.info?.warning ?? null)
    : exposed && host !== ''
      ? `WARNING: listening on ${host} lets real clients on the network reach this tracker. Simulated peers have loopback addresses (127.x.y.z), useless to other machines.`
      : null;
  const portNumber = /^\d+$/.test(port) && Number(port) <= 65535 ? Number(port) : null;

  return (
    <div className="live-panel" data-testid="live-panel">
      <div className="row">
        <label title="Run the clock at real time and let real BitTorrent clients announce to this tracker">
          <input
            type="checkbox"
            checked={enabled}
            disabled={live.busy || (!enabled && (host === '' || portNumber === null))}
            onChange={(e) => void live.setLive(e.target.checked, host, portNumber ?? 6969)}
            data-testid="live-toggle"
          />{' '}
          Live mode (real clients, 1× real time)
        </label>
      </div>
      <fieldset disabled={enabled} className="live-bind">
        <legend>Listen on</legend>
        <label>
          <input
            type="radio"
            name="live-interface"
            checked={choice === 'loopback'}
            onChange={() => setChoice('loopback')}
            data-testid="live-host-loopback"
          />{' '}
          this machine only (127.0.0.1)
        </label>
        <label>
          <input
            type="radio"
            name="live-interface"
            checked={choice === 'all'}
            onChange={() => setChoice('all')}
            data-testid="live-host-all"
          />{' '}
          all interfaces (0.0.0.0)
        </label>
        <label>
          <input
            type="radio"
            name="live-interface"
            checked={choice === 'custom'}
            onChange={() => setChoice('custom')}
            data-testid="live-host-custom"
          />{' '}
          address{' '}
          <input
            type="text"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setChoice('custom');
            }}
            placeholder="192.168.1.20"
            size={16}
            spellCheck={false}
            data-testid="live-host-address"
          />
        </label>
        <label>
          port{' '}
          <input
            type="text"
            inputMode="numeric"
            value={port}
            onChange={(e) => setPort(e.target.value)}
            size={6}
            title="0 picks a free port"
            data-testid="live-port"
          />
        </label>
      </fieldset>
      {warning && (
        <p className="live-warning" role="alert" data-testid="live-warning">
          {warning}
        </p>
      )}
      {enabled && live.info && (
        <div className="live-urls">
          <h3>Announce URLs</h3>
          <p className="hint">Paste one into a client’s tracker list, or put it in a .torrent (below).</p>
          <ul>
            {live.info.urls.map((u, i) => (
              <li key={u.url}>
                <span className="live-url-label">{u.label}</span>{' '}
                <code className="live-url" data-testid={`live-url-${i}`}>
                  {u.url}
                </code>{' '}
                <CopyButton text={u.url} testId={`live-copy-${i}`} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        <label title="Real clients cannot reach simulated peers (loopback addresses): off, they are never sent them">
          <input
            type="checkbox"
            checked={simToReal}
            onChange={(e) =>
              void command({
                type: 'setTrackerSettings',
                settings: { simulatedPeersToRealClients: e.target.checked },
              })
            }
            data-testid="live-sim-peers"
          />{' '}
          Send simulated peers to real clients
        </label>
      </div>
      {simToReal && (
        <p className="live-warning" role="alert" data-testid="live-sim-warning">
          Real clients will be sent simulated peers: loopback addresses (127.x.y.z) with nothing behind them.
          They will try to connect and fail, and count them as peers.
        </p>
      )}
      <TorrentForm live={live} />
    </div>
  );
}
