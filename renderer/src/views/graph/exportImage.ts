// Exporting the swarm graph as an image, SVG or PNG. The picture is rebuilt from the model and the
// graph's own layout and looks (layout.ts, nodes.ts, style.ts), not copied from the screen, so it
// is the same whether the graph is drawing with SVG or Canvas, and fits the whole swarm whatever
// the zoom. The SVG text comes from shared/views/graphSvg.ts; PNG rasterises that SVG.
import { graphSvgDocument, type GraphSvgScene, type SvgPeer } from '../../../../shared/views/graphSvg';
import type { SwarmModel } from '../../../../shared/views/model';
import { formatClock } from '../../../../shared/views/sequenceScale';
import { lookDash, lookLabel, palette } from '../../theme';
import { layoutFor, layoutRadius, NODE_RADIUS, NODE_SPACING, TRACKER_RADIUS } from './layout';
import { connectionOpacity, showLabels } from './mode';
import { connectionPairs, isGone, legendLooks, lookOfClient } from './nodes';
import { accent, GONE_OPACITY, ink, lookFill, lookStroke } from './style';
import { downloadBlob } from '../../files/download';

export interface GraphExportOptions {
  /** The virtual time shown (for the caption and the file name). */
  time: number;
  showConnections: boolean;
  selected: number | null;
}

/** Room around the swarm's disc (names under the outermost peers). */
const MARGIN = 36;
/** The caption's band above the disc, and the legend's column right of it (px). */
const CAPTION_HEIGHT = 32;
const LEGEND_WIDTH = 190;
/** The largest side of an exported image (px); bigger swarms are scaled down to fit. */
export const MAX_SIDE = 4096;
const FONT_PX = 12;

/** The picture of the swarm in `model`, as positions and looks in image pixels. */
export function graphExportScene(model: SwarmModel, o: GraphExportOptions): GraphSvgScene {
  const span = model.clients.length;
  const layout = layoutFor(span);
  const radius = layoutRadius(span);
  const natural = 2 * (radius + MARGIN);
  const k = Math.min(1, MAX_SIDE / natural);
  const side = Math.ceil(natural * k);
  const cx = side / 2;
  const cy = CAPTION_HEIGHT + side / 2;
  const at = (id: number) => ({ x: cx + layout.xs[id]! * k, y: cy + layout.ys[id]! * k });
  const present = model.clients.filter((c) => c !== undefined);
  const labels = showLabels(present.length, NODE_SPACING * k);

  const peers: SvgPeer[] = present.map((c) => {
    const look = lookOfClient(c);
    return {
      id: c.id,
      ...at(c.id),
      look,
      fill: lookFill[look],
      stroke: lookStroke[look],
      strokeWidth: look === 'ghost' ? 2.5 : 1.5,
      dash: lookDash[look],
      opacity: isGone(look) ? GONE_OPACITY : 1,
      label: labels ? c.name : null,
    };
  });

  const links: GraphSvgScene['links'] = [];
  if (o.showConnections) {
    const pairs = connectionPairs(model);
    for (let i = 0; i < pairs.length; i += 2) {
      const a = at(pairs[i]!);
      const b = at(pairs[i + 1]!);
      links.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    }
  }

  const up = model.trackerUp;
  const selected =
    o.selected === null || !model.client(o.selected) ? null : { ...at(o.selected), color: accent };
  return {
    width: side + LEGEND_WIDTH,
    height: side + CAPTION_HEIGHT,
    background: '#ffffff',
    fontPx: FONT_PX,
    ink,
    nodeRadius: NODE_RADIUS * k,
    tracker: {
      x: cx,
      y: cy,
      radius: TRACKER_RADIUS * k,
      fill: up ? palette.tracker : '#ffffff',
      stroke: up ? palette.tracker : palette.failure,
      dash: up ? '' : '5 3',
      label: up ? 'tracker' : 'tracker (down)',
      labelColor: up ? ink : palette.failure,
    },
    peers,
    links,
    linkColor: palette.connection,
    linkOpacity: connectionOpacity(links.length),
    selected,
    title: `Tracker Lab — ${present.length} ${present.length === 1 ? 'peer' : 'peers'} at ${formatClock(o.time)}`,
    legend: legendLooks.map((look) => ({
      label: lookLabel[look],
      fill: lookFill[look],
      stroke: lookStroke[look],
      dash: lookDash[look],
    })),
    legendAt: { x: side, y: CAPTION_HEIGHT + 8 },
  };
}

export function graphSvgText(model: SwarmModel, o: GraphExportOptions): string {
  return graphSvgDocument(graphExportScene(model, o));
}

/** `tracker-lab-graph-01-02-03.svg`: the virtual time, with no characters file systems refuse. */
export function exportFileName(time: number, extension: 'svg' | 'png'): string {
  return `tracker-lab-graph-${formatClock(time).replace(/:/g, '-')}.${extension}`;
}

/** What PNG rendering needs from the browser (injected so it can be tested without one). */
export interface Rasteriser {
  loadImage(url: string): Promise<CanvasImageSource>;
  createCanvas(width: number, height: number): HTMLCanvasElement;
}

export const browserRasteriser: Rasteriser = {
  loadImage: (url) =>
    new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = () => reject(new Error('the SVG could not be rendered'));
      image.src = url;
    }),
  createCanvas: (width, height) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas;
  },
};

/** Rasterises an SVG document of `width` × `height` to PNG, `scale` pixels per SVG pixel. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 1,
  r: Rasteriser = browserRasteriser,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await r.loadImage(url);
    const canvas = r.createCanvas(Math.round(width * scale), Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Builds the image of `model` and downloads it. */
export async function exportGraph(
  kind: 'svg' | 'png',
  model: SwarmModel,
  o: GraphExportOptions,
  r: Rasteriser = browserRasteriser,
): Promise<void> {
  const scene = graphExportScene(model, o);
  const svg = graphSvgDocument(scene);
  const blob =
    kind === 'svg'
      ? new Blob([svg], { type: 'image/svg+xml' })
      : await svgToPng(svg, scene.width, scene.height, scene.width <= 2048 ? 2 : 1, r);
  downloadBlob(blob, exportFileName(o.time, kind));
}
