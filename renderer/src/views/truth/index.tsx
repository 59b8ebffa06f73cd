// Tracker's view vs truth: per client, what the tracker believes beside what the client really did,
// every divergence highlighted with its one-line reason; per user, the credited totals. Everything
// shown is derived from the event log by shared/views (truthRows, userRows).
import { useMemo, useState } from 'react';
import type { DivergenceKind } from '../../../../shared/views/divergence';
import {
  divergenceCounts,
  filterTruthRows,
  sortTruthRows,
  truthRows,
  type DivergenceFilter,
  type TruthSort,
  type TruthSortKey,
} from '../../../../shared/views/truthRows';
import { userRows } from '../../../../shared/views/userRows';
import { useApp, useAppState } from '../../store/context';
import { TruthTable } from './TruthTable';
import { UserTable } from './UserTable';
import { useThrottledVersion } from '../../store/useThrottledVersion';
import '../../components/table.css';
import './truth.css';

const kindLabel: Record<DivergenceKind, string> = {
  ghost: 'ghost (gone, still listed)',
  'double-listing': 'double listing',
  'lost-credit': 'lost credit',
  stale: 'stale since last announce',
  'not-listed': 'running, not listed',
  'paused-listed': 'paused but listed',
};

const kinds = Object.keys(kindLabel) as DivergenceKind[];

export function TruthPanel() {
  const { store } = useApp();
  const model = useAppState((s) => s.model);
  const { version, now } = useThrottledVersion();
  const selectedClient = useAppState((s) => s.selectedClient);
  const largeText = useAppState((s) => s.display.largeText);
  const isPrivate = useAppState((s) => s.model.trackerSettings?.private ?? s.model.users.size > 0);
  const [sort, setSort] = useState<TruthSort>({ key: 'name', descending: false });
  const [divergence, setDivergence] = useState<DivergenceFilter>('all');
  const [text, setText] = useState('');

  // version is the model's change counter: the model itself is mutated in place.
  const all = useMemo(() => truthRows(model, now), [model, version, now]);
  const counts = useMemo(() => divergenceCounts(all), [all]);
  const rows = useMemo(
    () => sortTruthRows(filterTruthRows(all, { divergence, text }), sort),
    [all, divergence, text, sort],
  );
  const users = useMemo(() => (isPrivate ? userRows(model) : []), [model, version, isPrivate]);
  const anyDiverging = all.filter((r) => r.divergences.length > 0).length;

  const onSort = (key: TruthSortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, descending: !s.descending }
        : { key, descending: key !== 'name' && key !== 'state' },
    );

  return (
    <section className="truth-panel" aria-label="Tracker’s view beside the truth">
      <p className="panel-caption">
        The tracker only learns anything when a client announces. Left: what each client really did; right:
        what the tracker believes. Highlighted cells are where they disagree.
      </p>
      <div className="tl-filters" role="group" aria-label="Filter clients">
        <label title="Show only clients with a given divergence between the tracker’s view and the truth.">
          Divergence{' '}
          <select
            value={divergence}
            onChange={(e) => setDivergence(e.target.value as DivergenceFilter)}
            data-testid="truth-filter-divergence"
          >
            <option value="all">all clients</option>
            <option value="any">any divergence ({anyDiverging})</option>
            <option value="none">no divergence ({all.length - anyDiverging})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel[k]} ({counts[k]})
              </option>
            ))}
          </select>
        </label>
        <label title="Show only clients whose name or user contains this text.">
          Name{' '}
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="client or user"
            data-testid="truth-filter-text"
          />
        </label>
        <span className="tl-count" data-testid="truth-count" aria-live="polite">
          {rows.length} of {all.length} clients
        </span>
      </div>
      {all.length === 0 ? (
        <p className="panel-empty">No clients yet: start a scenario.</p>
      ) : (
        <TruthTable
          rows={rows}
          sort={sort}
          onSort={onSort}
          selectedClient={selectedClient}
          onSelect={(clientId) => store.setState({ selectedClient: clientId })}
          rowHeight={largeText ? 64 : 42}
          headerHeight={largeText ? 40 : 28}
        />
      )}
      {users.length > 0 && <UserTable users={users} />}
    </section>
  );
}
