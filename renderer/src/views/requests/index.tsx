// The request log: one row per request as the tracker received it, filterable by client and by
// kind; the selected row decoded parameter by parameter, with its answer. All derived from the
// event log by shared/views (requestFilter, requestParams, responseView).
import { useMemo, useState } from 'react';
import {
  requestCategories,
  requestCategoryText,
  selectRequests,
  type RequestCategory,
} from '../../../../shared/views/requestFilter';
import { useApp, useAppState } from '../../store/context';
import { RequestDetail } from './RequestDetail';
import { RequestTable } from './RequestTable';
import '../../components/table.css';
import './requests.css';

export function RequestLog() {
  const { store } = useApp();
  const model = useAppState((s) => s.model);
  const version = useAppState((s) => s.version);
  const selectedRequest = useAppState((s) => s.selectedRequest);
  const selectedClient = useAppState((s) => s.selectedClient);
  const largeText = useAppState((s) => s.display.largeText);
  const [clientId, setClientId] = useState<number | null>(null);
  const [category, setCategory] = useState<RequestCategory | null>(null);

  const rows = model.requests;
  // version is the model's change counter (rows are appended and updated in place).
  const selection = useMemo(
    () => selectRequests(rows, { clientId, category }),
    [rows, version, clientId, category],
  );
  const clientCount = model.clients.length;
  const clientOptions = useMemo(
    () => model.clients.filter(Boolean).map((c) => ({ id: c.id, name: c.name })),
    [model, clientCount],
  );
  const selectedPosition = selectedRequest === null ? -1 : (model.requestIndex.get(selectedRequest) ?? -1);
  const selectedRow = selectedPosition < 0 ? undefined : rows[selectedPosition];

  return (
    <section className="request-log" aria-label="Request log">
      <p className="panel-caption">
        Every request the tracker received, exactly as on the wire. Select one to see each parameter decoded
        and the answer.
      </p>
      <div className="tl-filters" role="group" aria-label="Filter requests">
        <label title="Show only the requests of one client.">
          Client{' '}
          <select
            value={clientId === null ? '' : String(clientId)}
            onChange={(e) => setClientId(e.target.value === '' ? null : Number(e.target.value))}
            data-testid="request-filter-client"
          >
            <option value="">all clients</option>
            {selectedClient !== null && model.clients[selectedClient] && (
              <option value={String(selectedClient)}>selected: {model.clients[selectedClient]!.name}</option>
            )}
            {clientOptions.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label title="Show only one kind of request.">
          Event{' '}
          <select
            value={category ?? ''}
            onChange={(e) => setCategory(e.target.value === '' ? null : (e.target.value as RequestCategory))}
            data-testid="request-filter-event"
          >
            <option value="">all requests</option>
            {requestCategories.map((c) => (
              <option key={c} value={c} title={requestCategoryText[c]}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <span className="tl-count" data-testid="request-count" aria-live="polite">
          {selection.count} of {rows.length} requests
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="panel-empty">No requests yet.</p>
      ) : (
        <RequestTable
          rows={rows}
          selection={selection}
          clients={model.clients}
          selectedRequest={selectedRequest}
          selectedPosition={selectedPosition}
          onSelect={(requestId) => store.setState({ selectedRequest: requestId })}
          rowHeight={largeText ? 40 : 28}
        />
      )}
      {selectedRow && <RequestDetail model={model} row={selectedRow} version={version} />}
    </section>
  );
}
