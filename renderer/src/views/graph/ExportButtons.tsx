// Two buttons that save the swarm graph as it is at the shown time (the timeline cursor, or live):
// SVG (a standalone vector file) or PNG. They read the store when clicked, so they never re-render
// with the swarm.
import { useState, type CSSProperties } from 'react';
import { useApp } from '../../store/context';
import { shownTime } from '../../store/store';
import { exportGraph } from './exportImage';

/** Floats at the graph's top left (the overlay with Fit is at the top right). */
const floating: CSSProperties = {
  position: 'absolute',
  top: 8,
  left: 10,
  zIndex: 2,
  display: 'flex',
  gap: 6,
  alignItems: 'center',
  background: 'rgba(255, 255, 255, 0.85)',
  padding: '2px 4px',
  borderRadius: 6,
};

export function GraphExportButtons({ style = floating }: { style?: CSSProperties }) {
  const { store } = useApp();
  const [busy, setBusy] = useState(false);

  const save = async (kind: 'svg' | 'png'): Promise<void> => {
    const state = store.getState();
    setBusy(true);
    try {
      await exportGraph(kind, state.model, {
        time: shownTime(state),
        showConnections: state.display.showConnections,
        selected: state.selectedClient,
      });
    } catch (e) {
      store.setState({ notice: { text: `Export failed: ${(e as Error).message}`, kind: 'error' } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="graph-export" role="group" aria-label="Export the graph" style={style}>
      <button
        onClick={() => void save('svg')}
        disabled={busy}
        title="Save the swarm graph at the shown time as an SVG file (vector, editable)"
        data-testid="graph-export-svg"
      >
        SVG
      </button>
      <button
        onClick={() => void save('png')}
        disabled={busy}
        title="Save the swarm graph at the shown time as a PNG image"
        data-testid="graph-export-png"
      >
        PNG
      </button>
    </div>
  );
}
