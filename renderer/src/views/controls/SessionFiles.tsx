// Sessions and exports from the page (the desktop menu offers the same through dialogs): save the
// whole run (scenario + seed + commands) and reopen it to replay exactly; export the event log
// (NDJSON), the request log (plain text, as in the seed's capture), the metrics (CSV), the report
// (JSON). Every file is built from the store's model or asked from the engine; nothing is computed here.
import { useRef, type ReactNode } from 'react';
import type { EngineRequest } from '../../../../shared/bridge';
import { fileStem, metricsCsv, requestLogText, toNdjson } from '../../../../shared/views/exports';
import { download } from '../../files/download';
import { useApp } from '../../store/context';
import { JsonFileInput } from '../../files/FileInput';
import { readJsonFile } from '../../files/openJson';

interface Props {
  /** More export items (the graph as PNG/SVG). */
  extra?: ReactNode;
}

export function SessionFiles({ extra }: Props) {
  const { bridge, store } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);

  const stem = () => fileStem(store.getState().session?.scenario.name);
  const fail = (text: string) => store.setState({ notice: { text, kind: 'error' } });
  const close = () => menu.current?.removeAttribute('open');

  /** Asks the engine for a JSON value and downloads it. */
  const saveFromEngine = async (request: EngineRequest, fileName: string): Promise<void> => {
    close();
    const reply = await bridge.request(request);
    if (!reply.ok) return fail(reply.error);
    download(fileName, JSON.stringify(reply.value, null, 2) + '\n', 'application/json');
  };

  const openSession = async (file: File): Promise<void> => {
    const read = await readJsonFile(file);
    if (!read.ok) return fail(read.error);
    const reply = await bridge.request({ kind: 'loadSession', session: read.value });
    store.setState({
      notice: reply.ok
        ? { text: `replaying ${file.name}`, kind: 'info' }
        : { text: reply.error, kind: 'error' },
    });
  };

  const exportText = (build: () => string, fileName: string, type: string) => () => {
    close();
    download(fileName, build(), type);
  };
  const head = () => store.getState().head;

  return (
    <details className="file-menu" ref={menu}>
      <summary title="Sessions and exports" data-testid="file-menu">
        Session ▾
      </summary>
      <div className="file-menu-items" role="menu">
        <button
          role="menuitem"
          onClick={() => void saveFromEngine({ kind: 'getSession' }, `${stem()}.session.json`)}
          title="Save the whole run (scenario, seed and every command issued) to replay it exactly"
          data-testid="save-session"
        >
          Save session…
        </button>
        <button
          role="menuitem"
          onClick={() => {
            close();
            input.current?.click();
          }}
          title="Reopen a saved session: it replays event for event"
          data-testid="open-session"
        >
          Open session…
        </button>
        <JsonFileInput ref={input} testId="session-file" onFile={(file) => void openSession(file)} />
        <hr />
        <button
          role="menuitem"
          onClick={exportText(
            () => toNdjson(head().events),
            `${stem()}-events.ndjson`,
            'application/x-ndjson',
          )}
          title="Every event of the run so far, one JSON object per line"
          data-testid="export-events"
        >
          Event log (NDJSON)
        </button>
        <button
          role="menuitem"
          onClick={exportText(() => requestLogText(head().requests), `${stem()}-requests.txt`, 'text/plain')}
          title="One line per request, as it was on the wire (GET /announce?…)"
          data-testid="export-requests"
        >
          Request log (text)
        </button>
        <button
          role="menuitem"
          onClick={exportText(
            () => metricsCsv(head(), store.getState().status?.now ?? head().lastEventAt),
            `${stem()}-metrics.csv`,
            'text/csv',
          )}
          title="The charts' numbers over time: seeders, leechers, true and credited bytes, requests per minute"
          data-testid="export-metrics"
        >
          Metrics (CSV)
        </button>
        <button
          role="menuitem"
          onClick={() => void saveFromEngine({ kind: 'getReport' }, `${stem()}-report.json`)}
          title="The run's report: truth beside credit per client and user"
          data-testid="export-report"
        >
          Report (JSON)
        </button>
        {extra}
      </div>
    </details>
  );
}
