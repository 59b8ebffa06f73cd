// The timeline under the views: drag anywhere in what has been simulated to see that moment in every
// view; markers for notable events; "Live" to follow the engine again. Scrubbing is the renderer's
// own (checkpointed view models); the engine only moves when you play or change something there.
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { timelineMarkers, type Marker } from '../../../../shared/views/markers';
import { formatDuration } from '../../../../shared/units';
import { useApp, useAppState } from '../../store/context';
import { setCursor } from '../../store/store';
import { useLessonMarkers } from '../lessons';
import './timeline.css';

const markerGlyph: Record<Marker['kind'], string> = {
  crash: '✕',
  quit: '■',
  expired: '⌛',
  tracker: '⟳',
  command: '●',
  completed: '✓',
  lesson: '★',
};

export function Timeline() {
  const { store } = useApp();
  const head = useAppState((s) => s.head);
  const headLength = useAppState((s) => (s.cursor === null ? s.version : s.head.events.length));
  const cursor = useAppState((s) => s.cursor);
  // The status's end moves on in live mode (real clients keep coming); the session's is the scenario's.
  const endMs = useAppState((s) => s.status?.endMs ?? s.session?.endMs ?? 0);
  const headMs = useAppState((s) => s.status?.now ?? s.head.lastEventAt);
  const track = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const [hover, setHover] = useState<Marker | null>(null);

  const lessonSteps = useLessonMarkers();
  const markers = useMemo(
    () => [
      ...timelineMarkers(head.events, (id) => head.clients[id]?.name ?? `client ${id}`),
      ...lessonSteps.map((m): Marker => ({ t: m.at, kind: 'lesson', label: `lesson step ${m.label}` })),
    ],
    // headLength changes whenever the head log grows (head is mutated in place).
    [head, headLength, lessonSteps],
  );

  const span = Math.max(1, endMs);
  const pct = (t: number) => `${Math.max(0, Math.min(100, (t / span) * 100))}%`;
  const shown = cursor ?? headMs;

  const timeAt = (clientX: number): number => {
    const box = track.current!.getBoundingClientRect();
    return Math.max(0, Math.min(headMs, ((clientX - box.left) / box.width) * span));
  };
  const scrubTo = (t: number) => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      setCursor(store, t >= headMs ? null : t);
    });
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    scrubTo(timeAt(e.clientX));
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.buttons & 1) scrubTo(timeAt(e.clientX));
  };

  return (
    <div className="timeline" data-testid="timeline">
      <span className="timeline-time" title="The moment every view shows" data-testid="timeline-time">
        {cursor === null ? 'live ' : '⏪ '}
        {formatDuration(shown)}
      </span>
      <div
        ref={track}
        className="timeline-track"
        role="slider"
        tabIndex={0}
        aria-label="Virtual time shown"
        aria-valuemin={0}
        aria-valuemax={headMs}
        aria-valuenow={shown}
        aria-valuetext={formatDuration(shown)}
        title="Drag to look at any moment already simulated (← → move 10 s, Home/End)"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={(e) => {
          const step = e.shiftKey ? 60_000 : 10_000;
          if (e.key === 'ArrowLeft') setCursor(store, shown - step);
          else if (e.key === 'ArrowRight') setCursor(store, shown + step >= headMs ? null : shown + step);
          else if (e.key === 'Home') setCursor(store, 0);
          else if (e.key === 'End') setCursor(store, null);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        data-testid="timeline-track"
      >
        <div className="timeline-simulated" style={{ width: pct(headMs) }} />
        {markers.map((m, i) => (
          <span
            key={i}
            className={`timeline-marker ${m.kind}`}
            style={{ left: pct(m.t) }}
            onPointerEnter={() => setHover(m)}
            onPointerLeave={() => setHover(null)}
            onPointerDown={(e) => {
              e.stopPropagation();
              setCursor(store, m.t);
            }}
            title={`${formatDuration(m.t)}: ${m.label}`}
          >
            {markerGlyph[m.kind]}
          </span>
        ))}
        <div className="timeline-handle" style={{ left: pct(shown) }} />
      </div>
      <span className="timeline-end">{formatDuration(endMs)}</span>
      <button
        onClick={() => setCursor(store, null)}
        disabled={cursor === null}
        title="Back to the engine's current time"
        data-testid="timeline-live"
      >
        Live
      </button>
      {cursor !== null && !hover && (
        <span className="timeline-hint" role="status" data-testid="timeline-hint">
          Looking back: play runs on from here; changing something here forks the run (see Compare).
        </span>
      )}
      {hover && (
        <span className="timeline-hover" role="status">
          {formatDuration(hover.t)} · {hover.label}
        </span>
      )}
    </div>
  );
}
