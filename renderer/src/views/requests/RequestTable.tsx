// The request log's rows, one per request as the tracker received it, virtualised for 100,000 rows.
// Scrolled to the bottom, it follows new requests as they arrive.
import { useEffect, useRef } from 'react';
import { formatDuration } from '../../../../shared/units';
import { eventLabel } from '../../../../shared/views/paramText';
import {
  requestEvent,
  requestFailed,
  requestStatusText,
  type RowSelection,
} from '../../../../shared/views/requestFilter';
import type { ClientRow, RequestRow } from '../../../../shared/views/types';
import { useVirtualRows } from '../../components/useVirtualRows';

interface Props {
  rows: readonly RequestRow[];
  selection: RowSelection;
  clients: readonly ClientRow[];
  selectedRequest: number | null;
  /** Where the selected request is in `rows` (-1: none). */
  selectedPosition: number;
  onSelect: (requestId: number) => void;
  rowHeight: number;
}

const columns = [
  {
    id: 'id',
    label: '#',
    width: '4.5em',
    tooltip: 'The tracker’s number for the request, in arrival order.',
  },
  {
    id: 'time',
    label: 'Time',
    width: '6.5em',
    tooltip: 'Virtual time when the tracker received the request.',
  },
  {
    id: 'client',
    label: 'Client',
    width: '8em',
    tooltip: 'The simulated client that sent it (or the remote address for a real client).',
  },
  {
    id: 'event',
    label: 'Event',
    width: '6.5em',
    tooltip: 'The announce’s event: started, completed, stopped, paused (BEP 21), regular (none), or scrape.',
  },
  {
    id: 'target',
    label: 'Request',
    width: 'auto',
    tooltip: 'The GET request target exactly as the tracker received it. Select a row to decode it.',
  },
  {
    id: 'status',
    label: 'Status',
    width: '9em',
    tooltip:
      'The answer: 200 OK, a bencoded failure reason (still HTTP 200, as clients expect), or an HTTP error.',
  },
] as const;

export function clientLabel(row: RequestRow, clients: readonly ClientRow[]): string {
  const c = row.clientId === null ? undefined : clients[row.clientId];
  return c ? c.name : `${row.remoteIp}:${row.remotePort}`;
}

export function eventText(row: RequestRow): string {
  if (row.kind === 'scrape') return 'scrape';
  const e = requestEvent(row);
  return e === null ? '—' : eventLabel[e];
}

export function RequestTable({
  rows,
  selection,
  clients,
  selectedRequest,
  selectedPosition,
  onSelect,
  rowHeight,
}: Props) {
  const virtual = useVirtualRows(selection.count, rowHeight);
  const { start, end, padTop, padBottom } = virtual.window;
  const { reveal, toEnd, atEnd } = virtual;
  const following = useRef(true);
  const selectedIndex = selectedPosition < 0 ? -1 : selection.find(selectedPosition);

  useEffect(() => {
    if (following.current) toEnd();
  }, [selection.count, toEnd]);
  useEffect(() => {
    if (selectedIndex >= 0) reveal(selectedIndex);
  }, [selectedIndex, reveal]);

  const items = [];
  for (let i = start; i < end; i++) {
    const row = rows[selection.at(i)]!;
    const id = row.requestId;
    const selected = id === selectedRequest;
    items.push(
      <tr
        key={id}
        aria-rowindex={i + 2}
        aria-current={selected ? 'true' : undefined}
        className={`${selected ? 'selected' : ''}${requestFailed(row) ? ' failed' : ''}`}
        style={{ height: rowHeight }}
        tabIndex={0}
        onClick={() => onSelect(id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onSelect(id);
          }
        }}
        data-testid={`request-row-${id}`}
      >
        <td className="num">{id}</td>
        <td className="num" data-testid={`request-time-${id}`}>
          {formatDuration(row.t)}
        </td>
        <td data-testid={`request-client-${id}`}>{clientLabel(row, clients)}</td>
        <td className={`event ${eventText(row)}`} data-testid={`request-event-${id}`}>
          {eventText(row)}
        </td>
        <td className="target" title={`${row.method} ${row.target}`} data-testid={`request-target-${id}`}>
          {row.method} {row.target}
        </td>
        <td data-testid={`request-status-${id}`} title={requestStatusText(row)}>
          {requestStatusText(row)}
        </td>
      </tr>,
    );
  }

  return (
    <div
      className="tl-scroll request-scroll"
      ref={virtual.ref}
      onScroll={(e) => {
        virtual.onScroll(e);
        following.current = atEnd();
      }}
    >
      <table
        className="tl-table request-table"
        aria-label="Tracker requests, as received"
        aria-rowcount={selection.count + 1}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={c.width === 'auto' ? undefined : { width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr style={{ height: rowHeight }}>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                title={c.tooltip}
                className={c.id === 'id' || c.id === 'time' ? 'num' : undefined}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" className="spacer" style={{ height: padTop }} />}
          {items}
          {padBottom > 0 && <tr aria-hidden="true" className="spacer" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
