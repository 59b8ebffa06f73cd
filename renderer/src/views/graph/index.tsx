// The swarm graph: the tracker in the middle, the peers around it in the colours of their state, every
// announce animated from peer to tracker and back, the answer's peers lit with a link to the requester.
// This component owns the surface (size, zoom and pan, hover and click, the tooltip) and the one
// requestAnimationFrame loop; it picks the renderer (SVG for classroom swarms, Canvas beyond) and
// hands it each frame. The loop reads the store with getState(): nothing re-renders per frame.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SwarmModel } from '../../../../shared/views/model';
import type { AnnounceFlight } from '../../../../shared/views/types';
import { virtualNow } from '../../store/store';
import { useApp, useAppState } from '../../store/context';
import { benchRequested, installBenchHook, recordFrame, type BenchHook } from './benchHook';
import { CanvasSwarm } from './CanvasSwarm';
import { GraphDriver } from './driver';
import { peerTooltip } from './explain';
import { hitAt, type Hit } from './hitTest';
import {
  fitTransform,
  layoutRadius,
  NODE_SPACING,
  nodeRadiusPx,
  plannedPeers,
  type ViewTransform,
} from './layout';
import { Legend } from './Legend';
import { maxLitAnswers, rendererFor, showLabels, type GraphRenderer } from './mode';
import type { Painter } from './painter';
import { SvgSwarm } from './SvgSwarm';
import { shownTime } from './timing';
import { attachZoom, type ZoomControl } from './zoom';
import './graph.css';

interface Surface {
  width: number;
  height: number;
  transform: ViewTransform;
  /** The user zoomed or panned: automatic fits stop until "Fit" is pressed or the session changes. */
  userMoved: boolean;
  fontPx: number;
  hovered: Hit;
  pointer: { x: number; y: number };
  tooltipKey: string;
  /** The virtual time of the last frame (see shownTime). */
  shownNow: number | null;
}

export function SwarmGraph() {
  const { store, bridge } = useApp();
  const peers = useAppState((s) => Math.max(plannedPeers(s.session?.scenario), s.model.clientsByName.size));
  const present = useAppState((s) => s.model.clientsByName.size);
  const sessionId = useAppState((s) => s.session?.id ?? 0);
  const largeText = useAppState((s) => s.display.largeText);
  const animated = useAppState((s) => s.status?.speed !== 'max');
  const renderer: GraphRenderer = rendererFor(peers);

  const driver = useMemo(() => new GraphDriver(), []);
  const containerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const painterRef = useRef<Painter | null>(null);
  const zoomRef = useRef<ZoomControl | null>(null);
  const benchRef = useRef<BenchHook | null>(null);
  const surface = useRef<Surface>({
    width: 0,
    height: 0,
    transform: { k: 1, x: 0, y: 0 },
    userMoved: false,
    fontPx: 14,
    hovered: null,
    pointer: { x: 0, y: 0 },
    tooltipKey: '',
    shownNow: null,
  });
  const settings = useRef({ peers, renderer });
  settings.current = { peers, renderer };
  const [labels, setLabels] = useState(() => showLabels(peers, NODE_SPACING));
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  const register = useCallback((painter: Painter | null) => {
    painterRef.current = painter;
  }, []);

  const fit = useCallback((force: boolean) => {
    const s = surface.current;
    if (!zoomRef.current || s.width === 0 || (s.userMoved && !force)) return;
    if (force) s.userMoved = false;
    zoomRef.current.set(fitTransform(layoutRadius(settings.current.peers), s.width, s.height));
  }, []);

  // Zoom and pan.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const control = attachZoom(el, (t, byUser) => {
      surface.current.transform = t;
      if (byUser) surface.current.userMoved = true;
    });
    zoomRef.current = control;
    return () => {
      control.dispose();
      zoomRef.current = null;
    };
  }, []);

  // Size (and the base font, which large-text mode changes).
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = (): void => {
      const s = surface.current;
      s.width = el.clientWidth || 800;
      s.height = el.clientHeight || 600;
      s.fontPx = parseFloat(getComputedStyle(el).fontSize) || 14;
      fit(false);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit, largeText]);

  // A new session starts with a fitted view; a growing swarm is refitted until the user takes over.
  useEffect(() => {
    surface.current.userMoved = false;
    surface.current.shownNow = null;
    fit(true);
  }, [sessionId, fit]);
  useEffect(() => fit(false), [peers, fit]);

  useEffect(() => {
    if (benchRequested(window.location.search)) benchRef.current = installBenchHook(bridge, store);
  }, [bridge, store]);

  // The animation loop.
  useEffect(() => {
    let handle = 0;
    const tick = (): void => {
      handle = requestAnimationFrame(tick);
      const wallNow = performance.now();
      const state = store.getState();
      const s = surface.current;
      const { renderer: mode, peers: size } = settings.current;
      driver.sync(state.model, state.version);
      const now = shownTime(
        s.shownNow,
        virtualNow(state, wallNow),
        state.status?.playing ?? false,
        state.status?.speed ?? null,
      );
      s.shownNow = now;
      const scene = driver.frame(now, state.status?.speed ?? null, maxLitAnswers(size), state.selectedClient);
      const wantLabels = showLabels(size, NODE_SPACING * s.transform.k);
      if (wantLabels !== labelsRef.current) {
        labelsRef.current = wantLabels;
        setLabels(wantLabels);
      }
      const hovered = s.hovered?.kind === 'peer' ? s.hovered.id : null;
      painterRef.current?.paint({
        driver,
        scene,
        width: s.width,
        height: s.height,
        transform: s.transform,
        fontPx: s.fontPx,
        selected: state.selectedClient,
        hovered,
        showConnections: state.display.showConnections,
        trackerUp: state.model.trackerUp,
        labels: wantLabels,
        wallNow,
        name: (id) => state.model.client(id)?.name ?? '',
      });
      updateTooltip(tooltipRef.current, s, state.model, scene.litAnswers, driver);
      if (benchRef.current) {
        recordFrame(benchRef.current, performance.now() - wallNow, scene.dots.count, scene.links.count, mode);
      }
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [driver, store]);

  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>): void => {
    const el = containerRef.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const s = surface.current;
    s.pointer = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    s.hovered = hitAt(driver.index, s.transform, s.pointer.x, s.pointer.y, nodeRadiusPx(s.transform.k));
    el.style.cursor = s.hovered?.kind === 'peer' ? 'pointer' : '';
  };
  const onPointerLeave = (): void => {
    surface.current.hovered = null;
  };
  const onClick = (e: React.MouseEvent<HTMLDivElement>): void => {
    const el = containerRef.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const s = surface.current;
    const hit = hitAt(
      driver.index,
      s.transform,
      e.clientX - rect.left,
      e.clientY - rect.top,
      nodeRadiusPx(s.transform.k),
    );
    if (hit?.kind === 'peer') store.setState({ selectedClient: hit.id });
    else if (hit === null) store.setState({ selectedClient: null });
  };

  return (
    <div className="swarm-graph" data-renderer={renderer} data-testid="swarm-graph">
      <div
        ref={containerRef}
        className="swarm-surface"
        role="group"
        aria-label={`Swarm graph: the tracker and ${present} peers. Drag to pan, scroll to zoom, click a peer to select it.`}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
      >
        {renderer === 'svg' ? (
          <SvgSwarm driver={driver} labels={labels} register={register} />
        ) : (
          <CanvasSwarm register={register} />
        )}
      </div>
      <div className="graph-overlay">
        <span data-testid="graph-peers">
          {present} {present === 1 ? 'peer' : 'peers'} · {renderer === 'svg' ? 'SVG' : 'Canvas'}
          {animated ? '' : ' · animations off at max speed'}
        </span>
        <button onClick={() => fit(true)} title="Fit the whole swarm in view" data-testid="graph-fit">
          Fit
        </button>
      </div>
      <Legend />
      <div ref={tooltipRef} className="graph-tooltip" role="tooltip" hidden data-testid="graph-tooltip" />
    </div>
  );
}

/** Writes the tooltip straight into the DOM (only when its text changes). */
function updateTooltip(
  el: HTMLDivElement | null,
  s: Surface,
  model: SwarmModel,
  litAnswers: readonly { flight: AnnounceFlight }[],
  driver: GraphDriver,
): void {
  if (!el) return;
  let title = '';
  let lines: string[] = [];
  const hit = s.hovered;
  if (hit?.kind === 'peer' && driver.has(hit.id)) {
    const litBy = litAnswers.filter((a) => a.flight.returned.includes(hit.id)).map((a) => a.flight);
    const tip = peerTooltip(model, hit.id, litBy);
    if (tip) ({ title, lines } = tip);
  } else if (hit?.kind === 'tracker') {
    let complete = 0;
    let incomplete = 0;
    for (const t of model.torrents.values()) {
      complete += t.complete;
      incomplete += t.incomplete;
    }
    title = model.trackerUp ? 'Tracker' : 'Tracker (down)';
    lines = [`lists ${complete} seeders and ${incomplete} leechers`];
  }
  const key = title === '' ? '' : `${title}\n${lines.join('\n')}|${s.pointer.x},${s.pointer.y}`;
  if (key === s.tooltipKey) return;
  s.tooltipKey = key;
  if (title === '') {
    el.hidden = true;
    return;
  }
  el.hidden = false;
  el.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = title;
  el.append(strong);
  for (const line of lines) {
    const div = document.createElement('div');
    div.textContent = line;
    el.append(div);
  }
  // Beside the pointer, kept inside the surface (above the pointer near the bottom edge).
  const left = Math.min(s.pointer.x + 14, Math.max(0, s.width - el.offsetWidth - 4));
  const below = s.pointer.y + 14;
  const top = below + el.offsetHeight > s.height ? Math.max(0, s.pointer.y - el.offsetHeight - 10) : below;
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}
