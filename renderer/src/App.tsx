// The application frame: controls on top, the swarm graph beside the tabbed panels, the selected
// client's details and actions below. Every panel reads the store; none computes protocol logic.
import { Charts } from './views/charts';
import { ComparePanel } from './views/compare';
import { ClientPanel } from './views/controls/ClientPanel';
import { Toolbar } from './views/controls/Toolbar';
import { TrackerPanel } from './views/controls/TrackerPanel';
import { SwarmGraph } from './views/graph';
import { GraphExportButtons } from './views/graph/ExportButtons';
import { RequestLog } from './views/requests';
import { SequenceChart } from './views/sequence';
import { ExperimentsPanel } from './views/experiments';
import { LessonCoach, LessonsPanel } from './views/lessons';
import { LivePanel } from './views/live';
import { Timeline } from './views/timeline/Timeline';
import { TruthPanel } from './views/truth';
import { useApp, useAppState } from './store/context';
import { useShortcuts } from './views/controls/useShortcuts';

const tabs = [
  { id: 'truth', label: 'Tracker vs truth', render: () => <TruthPanel /> },
  { id: 'lessons', label: 'Lessons', render: () => <LessonsPanel /> },
  { id: 'requests', label: 'Requests', render: () => <RequestLog /> },
  { id: 'sequence', label: 'Sequence', render: () => <SequenceChart /> },
  { id: 'charts', label: 'Charts', render: () => <Charts /> },
  { id: 'compare', label: 'Compare', render: () => <ComparePanel /> },
  { id: 'tracker', label: 'Tracker', render: () => <TrackerPanel /> },
  { id: 'live', label: 'Live', render: () => <LivePanel /> },
  { id: 'experiments', label: 'Experiments', render: () => <ExperimentsPanel /> },
] as const;

type TabId = (typeof tabs)[number]['id'];

export function App() {
  const shownTab = useAppState((s) => s.tab);
  const tab: TabId = tabs.some((t) => t.id === shownTab) ? (shownTab as TabId) : 'truth';
  const largeText = useAppState((s) => s.display.largeText);
  const notice = useAppState((s) => s.notice);
  const { store } = useApp();
  const setTab = (id: TabId) => store.setState({ tab: id });
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
          <GraphExportButtons />
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
          {tab !== 'lessons' && <LessonCoach onOpen={() => setTab('lessons')} />}
          <div className="tab-body" role="tabpanel">
            {tabs.find((t) => t.id === tab)!.render()}
          </div>
          <ClientPanel />
        </section>
      </main>
      <Timeline />
    </div>
  );
}
