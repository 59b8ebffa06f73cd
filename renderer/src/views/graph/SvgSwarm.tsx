// The SVG renderer for classroom swarms. React renders the structure (a circle per peer, coloured by
// its look, and the names), re-rendering when the model's version changes; everything that moves —
// the view transform, dots, links, rings, halos — is written by the animation loop (svgPaint.ts),
// never through React state. Three stacked layers: connections, peers, moving parts.
import { memo, useEffect, useRef, useSyncExternalStore } from 'react';
import { lookDash, palette, type NodeLook } from '../../theme';
import { useApp, useAppState } from '../../store/context';
import type { GraphDriver } from './driver';
import { NODE_RADIUS, TRACKER_RADIUS } from './layout';
import { isGone, looks, NO_NODE } from './nodes';
import type { Painter } from './painter';
import { GONE_OPACITY, ink, lookFill, lookStroke } from './style';
import { svgPainter } from './svgPaint';

const PeerNode = memo(function PeerNode({
  id,
  x,
  y,
  look,
  real,
}: {
  id: number;
  x: number;
  y: number;
  look: NodeLook;
  /** A real client (live mode): drawn with an outer ring. */
  real: boolean;
}) {
  const node = (
    <circle
      data-id={id}
      data-look={look}
      data-real={real ? 'true' : undefined}
      className="peer"
      cx={x}
      cy={y}
      r={NODE_RADIUS}
      fill={lookFill[look]}
      stroke={lookStroke[look]}
      strokeWidth={look === 'ghost' ? 2.5 : 1.5}
      strokeDasharray={lookDash[look] || undefined}
      opacity={isGone(look) ? GONE_OPACITY : undefined}
    />
  );
  if (!real) return node;
  return (
    <>
      <circle
        className="real-ring"
        cx={x}
        cy={y}
        r={NODE_RADIUS + 3}
        fill="none"
        stroke={ink}
        strokeWidth={1.5}
      />
      {node}
    </>
  );
});

function Tracker({ up }: { up: boolean }) {
  return (
    <g className="tracker" data-testid="tracker">
      <circle
        r={TRACKER_RADIUS}
        fill={up ? palette.tracker : '#ffffff'}
        stroke={up ? palette.tracker : palette.failure}
        strokeWidth={2}
        strokeDasharray={up ? undefined : '5 3'}
      />
      <text className="tracker-label" y={TRACKER_RADIUS + 4} fill={up ? ink : palette.failure}>
        {up ? 'tracker' : 'tracker (down)'}
      </text>
    </g>
  );
}

export function SvgSwarm({
  driver,
  labels,
  register,
}: {
  driver: GraphDriver;
  labels: boolean;
  register(painter: Painter | null): void;
}) {
  const { store } = useApp();
  // Re-render only when a peer appears or changes its look, not with every batch of events.
  useSyncExternalStore(store.subscribe, () => {
    const s = store.getState();
    driver.sync(s.model, s.version);
    return driver.looksVersion;
  });
  const model = useAppState((s) => s.model);
  const trackerUp = useAppState((s) => s.model.trackerUp);
  const connectionsRef = useRef<SVGGElement>(null);
  const nodesRef = useRef<SVGGElement>(null);
  const movingRef = useRef<SVGGElement>(null);
  const edgesRef = useRef<SVGPathElement>(null);
  const linksRef = useRef<SVGGElement>(null);
  const ringsRef = useRef<SVGGElement>(null);
  const dotsRef = useRef<SVGGElement>(null);

  useEffect(() => {
    const [connections, nodes, moving, links, rings, dots] = [
      connectionsRef,
      nodesRef,
      movingRef,
      linksRef,
      ringsRef,
      dotsRef,
    ].map((r) => r.current);
    const edges = edgesRef.current;
    if (!connections || !nodes || !moving || !links || !rings || !dots || !edges) return;
    const painter = svgPainter({ roots: [connections, nodes, moving], nodes, edges, links, rings, dots });
    register(painter);
    return () => {
      painter.dispose();
      register(null);
    };
  }, [register]);

  const { look } = driver.nodes;
  const { xs, ys } = driver.layout;
  const peers = [];
  const names = [];
  for (let id = 0; id < look.length; id++) {
    const li = look[id]!;
    if (li === NO_NODE) continue;
    const real = model.client(id)?.real === true;
    peers.push(<PeerNode key={id} id={id} x={xs[id]!} y={ys[id]!} look={looks[li]!} real={real} />);
    if (labels) {
      names.push(
        <text key={id} x={xs[id]!} y={ys[id]! + NODE_RADIUS} dy="0.3em">
          {model.client(id)?.name}
        </text>,
      );
    }
  }

  return (
    <div className="swarm-layers" data-testid="swarm-svg">
      <svg className="swarm-layer">
        <g ref={connectionsRef}>
          <path ref={edgesRef} className="connections" vectorEffect="non-scaling-stroke" />
        </g>
      </svg>
      <svg className="swarm-layer">
        <g ref={nodesRef}>
          <g className="peers">{peers}</g>
          <Tracker up={trackerUp} />
          {labels && <g className="labels">{names}</g>}
        </g>
      </svg>
      <svg className="swarm-layer">
        <g ref={movingRef}>
          <g ref={linksRef} className="lit-links" />
          <g ref={ringsRef} className="rings" />
          <g ref={dotsRef} className="dots" />
        </g>
      </svg>
    </div>
  );
}
