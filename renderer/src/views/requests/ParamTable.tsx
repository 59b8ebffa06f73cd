// Each parameter of the selected request: as on the wire, decoded (hex and text for binary
// values), a human reading, and what it is (with its BEP) in the row and its tooltip.
import type { ExplainedParam } from '../../../../shared/views/requestParams';
import { plainText, Prose } from './Prose';

function where(p: ExplainedParam): string {
  if (p.location === 'path') return 'from the URL path';
  if (p.location === 'absent') return 'not in the request';
  return 'from the query string';
}

export function ParamTable({ params }: { params: readonly ExplainedParam[] }) {
  return (
    <table className="param-table" aria-label="Request parameters, decoded and explained">
      <colgroup>
        <col style={{ width: '8.5em' }} />
        <col style={{ width: '24%' }} />
        <col style={{ width: '28%' }} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" title="The parameter’s name as sent.">
            Parameter
          </th>
          <th scope="col" title="The value exactly as on the wire (percent-encoded).">
            On the wire
          </th>
          <th scope="col" title="The value decoded byte by byte: text when printable, hex for binary values.">
            Decoded
          </th>
          <th scope="col" title="What the value means, and what the parameter is for.">
            Meaning
          </th>
        </tr>
      </thead>
      <tbody>
        {params.map((p, i) => (
          <tr
            key={`${p.name}-${i}`}
            data-testid={`param-${p.name}`}
            className={p.problem ? 'problem' : undefined}
          >
            <th scope="row" title={`${plainText(p.what)} (${p.source}; ${where(p)})`}>
              <code>{p.name}</code>
              <span className="param-source">{p.source}</span>
            </th>
            <td title={p.raw ?? 'not sent'} data-testid={`param-${p.name}-raw`}>
              <code>{p.raw ?? '—'}</code>
            </td>
            <td data-testid={`param-${p.name}-value`} title={p.hex ? `hex ${p.hex}` : p.value}>
              {p.hex === null ? (
                <code data-testid={`param-${p.name}-text`}>{p.value}</code>
              ) : (
                <>
                  <div>
                    <span className="param-label">hex </span>
                    <code data-testid={`param-${p.name}-hex`}>{p.hex}</code>
                  </div>
                  {p.text !== null && (
                    <div>
                      <span className="param-label">text </span>
                      <code data-testid={`param-${p.name}-text`}>{p.text}</code>
                    </div>
                  )}
                </>
              )}
              {p.human !== null && p.name !== 'event' && (
                <div className="param-human" data-testid={`param-${p.name}-human`}>
                  {p.human}
                </div>
              )}
            </td>
            <td className="param-what">
              {p.name === 'event' && p.human !== null && (
                <p className="param-human" data-testid="param-event-human">
                  <Prose text={p.human} />
                </p>
              )}
              {p.problem !== null && (
                <p className="param-problem" role="note" data-testid={`param-${p.name}-problem`}>
                  ⚠ {p.problem}
                </p>
              )}
              <p>
                <Prose text={p.what} />
              </p>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
