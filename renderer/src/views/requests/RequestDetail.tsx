// The selected request, taken apart: every query parameter decoded and explained, then the answer
// decoded (bencode tree, returned peers with the reason each was chosen) and its raw bytes.
import { useMemo } from 'react';
import { formatDuration } from '../../../../shared/units';
import type { SwarmModel } from '../../../../shared/views/model';
import { explainRequest } from '../../../../shared/views/requestParams';
import { describeResponse } from '../../../../shared/views/responseView';
import { selectionStrategyDescriptions } from '../../../../shared/tracker/explain';
import type { RequestRow } from '../../../../shared/views/types';
import { ParamTable } from './ParamTable';
import { clientLabel } from './RequestTable';
import { ResponseTree } from './ResponseTree';

interface Props {
  model: SwarmModel;
  row: RequestRow;
  /** The model's version, so the memo follows the row as its answer arrives. */
  version: number;
}

export function RequestDetail({ model, row, version }: Props) {
  const request = useMemo(
    () => explainRequest(row.target, model.trackerSettings),
    [row.target, model.trackerSettings],
  );
  const response = useMemo(() => describeResponse(model, row), [model, row, version]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of response.peers) if (p.client !== null) m.set(`${p.ip}:${p.port}`, p.client);
    return m;
  }, [response]);
  const strategy = response.strategy as keyof typeof selectionStrategyDescriptions | null;

  return (
    <article
      className="request-detail"
      aria-label={`Request ${row.requestId}, decoded`}
      data-testid="request-detail"
    >
      <h3>
        Request #{row.requestId} at {formatDuration(row.t)} from {clientLabel(row, model.clients)}{' '}
        <span className="muted">
          ({row.transport.toUpperCase()} from {row.remoteIp}:{row.remotePort})
        </span>
      </h3>
      <pre
        className="wire"
        title="The request line exactly as the tracker received it"
        data-testid="request-wire"
      >
        {row.method} {row.target}
      </pre>
      {!request.http ? (
        <p>This request did not come over HTTP; the log holds a description instead of a URL.</p>
      ) : (
        <>
          <p
            className="muted"
            title="The path names the endpoint; private trackers put the user’s passkey in front of it."
          >
            Path <code>{request.path}</code>:{' '}
            {request.endpoint === 'other' ? 'not a tracker endpoint' : `the ${request.endpoint} endpoint`}
          </p>
          <ParamTable params={request.params} />
        </>
      )}
      <h4 title="What the tracker sent back">Response</h4>
      <p data-testid="response-status">
        {response.status === null
          ? 'No answer yet.'
          : `HTTP ${response.status}, ${response.bytes ?? 0} bytes`}
        {response.failure !== null && (
          <strong className="param-problem" data-testid="response-failure">
            {' '}
            failure reason: {response.failure}
          </strong>
        )}
        {response.statsUpdated === false && (
          <span title="min interval enforcement: answered without touching the stats">
            {' '}
            (stats not updated: announced before min interval)
          </span>
        )}
      </p>
      {response.decodeError !== null && <p className="param-problem">{response.decodeError}</p>}
      {response.tree && <ResponseTree tree={response.tree} names={names} />}
      {response.numwant !== null && (
        <>
          <h4 title="The peers this answer handed out, resolved to the clients that own them">
            Returned peers: {response.peers.length} of {response.eligible ?? '?'} eligible, numwant{' '}
            {response.numwant}
          </h4>
          {strategy !== null && selectionStrategyDescriptions[strategy] && (
            <p className="muted" title="The tracker’s peer selection setting">
              Selection “{strategy}”: {selectionStrategyDescriptions[strategy]}
            </p>
          )}
          {response.peers.length > 0 && (
            <table className="tl-table returned-peers" aria-label="Returned peers and why each was chosen">
              <thead>
                <tr>
                  <th scope="col" title="Position in the answer">
                    #
                  </th>
                  <th scope="col" title="The address handed out">
                    Address
                  </th>
                  <th scope="col" title="The simulated client at that address (— for a real client)">
                    Client
                  </th>
                  <th scope="col" title="Whether the tracker listed it as a seeder or a leecher">
                    Listed as
                  </th>
                  <th scope="col" title="Why the selection strategy picked this peer">
                    Why chosen
                  </th>
                </tr>
              </thead>
              <tbody>
                {response.peers.map((p) => (
                  <tr key={p.position} data-testid={`returned-peer-${p.position}`}>
                    <td className="num">{p.position}</td>
                    <td>
                      <code>{p.ip.includes(':') ? `[${p.ip}]:${p.port}` : `${p.ip}:${p.port}`}</code>
                      {p.movedTo !== null && <span className="muted"> (since moved to {p.movedTo})</span>}
                    </td>
                    <td>{p.client ?? '—'}</td>
                    <td>{p.seeder === null ? '?' : p.seeder ? 'seeder' : 'leecher'}</td>
                    <td title={p.reason ?? ''}>{p.reasonText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {response.recorded && (
        <details className="raw-bytes">
          <summary title="The response body exactly as sent, byte by byte">
            Raw bytes ({response.bytes} bytes, hex)
          </summary>
          <pre data-testid="response-hex">{response.hexLines.join('\n')}</pre>
        </details>
      )}
    </article>
  );
}
