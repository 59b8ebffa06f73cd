// The swarm graph: the tracker in the middle, the peers around it in the colours of their state, every
// announce animated from peer to tracker and back, the answer's peers lit with a link to the requester.
// This component owns the surface (size, zoom and pan, hover and click, the tooltip) and the one
// requestAnimationFrame loop; it picks the renderer (SVG for classroom swarms, Canvas beyond) and
// hands it each frame. The loop reads the store with getState(): nothing re-renders per frame.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { virtualNow } from '../../store/store';
import { useApp, useAppState } from '../../store/context';
import { benchRequested, installBenchHook, recordFrame, type BenchHook } from './benchHook';
import { CanvasSwarm } from './CanvasSwarm';
import { GraphDriver } from './driver';
import { peerTooltip, trackerTooltip, type Tooltip } from './explain';
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
import { writeTooltip } from './tooltip';
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
  /** What the last painted frame showed, and when it was painted. */
  frameKey: string;
  paintedAt: number;
}

/** When nothing changes, the frame is still repainted this often (ms). */
const IDLE_REPAINT_MS = 250;

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
    frameKey: '',
    paintedAt: 0,
  });
  const painterGeneration = useRef(0);
  const settings = useRef({ peers, renderer });
  settings.current = { peers, renderer };
  const [labels, setLabels] = useState(() => showLabels(peers, NODE_SPACING));
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  const register = useCallback((painter: Painter | null) => {
    painterRef.current = painter;
    painterGeneration.current++;
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
      const wantLabels = showLabels(size, NODE_SPACING * s.transform.k);
      const hoveredKey =
        s.hovered === null
          ? ''
          : `${s.hovered.kind === 'peer' ? s.hovered.id : 't'}@${s.pointer.x},${s.pointer.y}`;
      const t = s.transform;
      const frameKey = `${now}|${state.version}|${t.k},${t.x},${t.y}|${s.width}x${s.height}|${s.fontPx}|${hoveredKey}|${state.selectedClient}|${state.display.showConnections}|${wantLabels}|${painterGeneration.current}|${state.status?.speed}`;
      // Nothing changed (paused, nobody touching it): skip the frame, but look again now and then
      // for the layers that refresh on a timer.
      if (frameKey === s.frameKey && wallNow - s.paintedAt < IDLE_REPAINT_MS) return;
      s.frameKey = frameKey;
      s.paintedAt = wallNow;
      const scene = driver.frame(now, state.status?.speed ?? null, maxLitAnswers(size), state.selectedClient);
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
        real: (id) => state.model.client(id)?.real === true,
      });
      let tip: Tooltip | null = null;
      const hit = s.hovered;
      if (hit?.kind === 'peer' && driver.has(hit.id)) {
        const litBy = scene.litAnswers.filter((a) => a.flight.returned.includes(hit.id)).map((a) => a.flight);
        tip = peerTooltip(state.model, hit.id, litBy);
      } else if (hit?.kind === 'tracker') tip = trackerTooltip(state.model);
      if (tooltipRef.current) {
        s.tooltipKey = writeTooltip(tooltipRef.current, tip, s.pointer, s, s.tooltipKey);
      }
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
