// The application frame: controls on top, the swarm graph beside the tabbed panels, the selected
// client's details and actions below. Every panel reads the store; none computes protocol logic.
import { useState } from 'react';
import { Charts } from './views/charts';
import { ClientPanel } from './views/controls/ClientPanel';
import { Toolbar } from './views/controls/Toolbar';
import { TrackerPanel } from './views/controls/TrackerPanel';
import { SwarmGraph } from './views/graph';
import { RequestLog } from './views/requests';
import { TruthPanel } from './views/truth';
import { useApp, useAppState } from './store/context';
import { useShortcuts } from './views/controls/useShortcuts';

const tabs = [
  { id: 'truth', label: 'Tracker vs truth', render: () => <TruthPanel /> },
  { id: 'requests', label: 'Requests', render: () => <RequestLog /> },
  { id: 'charts', label: 'Charts', render: () => <Charts /> },
  { id: 'tracker', label: 'Tracker', render: () => <TrackerPanel /> },
] as const;

type TabId = (typeof tabs)[number]['id'];

export function App() {
  const [tab, setTab] = useState<TabId>('truth');
  const largeText = useAppState((s) => s.display.largeText);
  const notice = useAppState((s) => s.notice);
  const { store } = useApp();
  useShortcuts();
  return (
    <div className={largeText ? 'app large-text' : 'app'}>
      <Toolbar />
      {notice && (
        <div className={`notice ${notice.kind}`} role="alert" data-testid="notice">
          <span>{notice.text}</span>
          <button
            className="dismiss"
            onClick={() => store.setState({ notice: null })}
            title="Dismiss"
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
      <main className="workspace">
        <section className="graph-area" aria-label="Swarm graph">
          <SwarmGraph />
        </section>
        <section className="side-area">
          <nav className="tabs" role="tablist">
            {tabs.map((t) => (
              <button
                key={t.id}
                role="tab"
                aria-selected={tab === t.id}
                className={tab === t.id ? 'tab active' : 'tab'}
                onClick={() => setTab(t.id)}
                data-testid={`tab-${t.id}`}
              >
                {t.label}
              </button>
            ))}
          </nav>
          <div className="tab-body" role="tabpanel">
            {tabs.find((t) => t.id === tab)!.render()}
          </div>
          <ClientPanel />
        </section>
      </main>
    </div>
  );
}
