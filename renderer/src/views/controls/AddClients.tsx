// Adding a group of simulated clients while the swarm runs (an addClients command).
import { useMemo, useState } from 'react';
import { clientProfiles, type ClientProfileName } from '../../../../shared/sim/profiles';
import { useAppShallow, useCommand } from '../../store/context';

export function AddClients() {
  const command = useCommand();
  // Selectors return primitives or stable references only (zustand 5 loops on fresh arrays).
  const { groups, session, isPrivate } = useAppShallow((s) => ({
    groups: new Set(s.model.clients.map((c) => c.group)).size,
    session: s.session,
    isPrivate: s.model.trackerSettings?.private ?? false,
  }));
  const users = useMemo(() => session?.scenario.tracker?.users?.map((u) => u.name) ?? [], [session]);
  const [count, setCount] = useState(5);
  const [profile, setProfile] = useState<ClientProfileName>('transmission-1.32');
  const [seeders, setSeeders] = useState(false);
  const [spread, setSpread] = useState(60);
  const [user, setUser] = useState('');

  const add = (): void => {
    void command({
      type: 'addClients',
      group: {
        name: `added-${groups + 1}-${Date.now() % 10_000}`,
        count,
        profile,
        have: seeders ? 'all' : 'none',
        arrival: spread > 0 ? { type: 'flash-crowd', at: 0, over: spread } : { type: 'fixed', at: 0 },
        // A private tracker needs a passkey: the chosen user's, or the first user's.
        ...(isPrivate && (user || users[0]) ? { user: user || users[0] } : {}),
      },
    });
  };

  return (
    <fieldset className="add-clients">
      <legend>Add clients</legend>
      <label title="How many clients">
        Count{' '}
        <input
          type="number"
          min={1}
          max={5000}
          value={count}
          onChange={(e) => setCount(Math.max(1, Number(e.target.value)))}
          data-testid="add-count"
        />
      </label>
      <label title="The client's habits (peer_id, numwant, key, what pause sends…)">
        Profile{' '}
        <select
          value={profile}
          onChange={(e) => setProfile(e.target.value as ClientProfileName)}
          data-testid="add-profile"
        >
          {clientProfiles.map((p) => (
            <option key={p.name} value={p.name} title={p.description}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label title="Seeders hold the whole torrent">
        <input type="checkbox" checked={seeders} onChange={(e) => setSeeders(e.target.checked)} /> seeders
      </label>
      <label title="Arrivals spread uniformly over this many seconds">
        over{' '}
        <input
          type="number"
          min={0}
          max={3600}
          value={spread}
          onChange={(e) => setSpread(Math.max(0, Number(e.target.value)))}
        />{' '}
        s
      </label>
      {isPrivate && users.length > 0 && (
        <label title="The private tracker user whose passkey they announce with">
          user{' '}
          <select value={user} onChange={(e) => setUser(e.target.value)}>
            <option value="">{users[0]}</option>
            {users.slice(1).map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
      )}
      <button onClick={add} data-testid="add-clients">
        Add
      </button>
    </fieldset>
  );
}
