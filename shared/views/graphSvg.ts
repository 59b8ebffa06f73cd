// The swarm graph as a standalone SVG document (for export): the tracker, a circle per peer in its
// state's look, the data connections, names and a legend, all as presentation attributes so the
// file renders the same in any viewer or when rasterised to PNG. Pure string building: the caller
// (renderer/src/views/graph/exportImage.ts) decides positions and looks; this only writes them.

export interface SvgPeer {
  id: number;
  /** Position in image pixels. */
  x: number;
  y: number;
  /** The look's name (written as data-look, so a reader of the file can tell states apart). */
  look: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** Dash pattern ('' for solid). */
  dash: string;
  opacity: number;
  /** The name written under the peer, or null when names are not shown. */
  label: string | null;
}

export interface SvgLegendEntry {
  label: string;
  fill: string;
  stroke: string;
  dash: string;
}

export interface GraphSvgScene {
  width: number;
  height: number;
  background: string;
  fontPx: number;
  ink: string;
  nodeRadius: number;
  tracker: {
    x: number;
    y: number;
    radius: number;
    fill: string;
    stroke: string;
    dash: string;
    label: string;
    labelColor: string;
  };
  peers: SvgPeer[];
  /** Data connections between peers, in image pixels. */
  links: { x1: number; y1: number; x2: number; y2: number }[];
  linkColor: string;
  linkOpacity: number;
  /** A ring around the selected peer, if any. */
  selected: { x: number; y: number; color: string } | null;
  /** The caption, written at the top left: what the picture shows and when (virtual time). */
  title: string;
  legend: SvgLegendEntry[];
  /** Top left of the legend's first entry. */
  legendAt: { x: number; y: number };
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A number as SVG writes it: at most 2 decimals, no trailing zeros. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function attrs(values: Record<string, string | number | null>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === '') continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : xmlEscape(value)}"`;
  }
  return out;
}

/** Text with a white halo, so names stay readable over connections. */
function label(
  x: number,
  y: number,
  text: string,
  fill: string,
  extra: Record<string, string | number> = {},
): string {
  return `<text${attrs({ x, y, fill, stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke', ...extra })}>${xmlEscape(text)}</text>`;
}

function legend(scene: GraphSvgScene): string {
  const row = scene.fontPx * 1.5;
  const { x, y: top } = scene.legendAt;
  const items = scene.legend.map((entry, i) => {
    const y = top + scene.fontPx + i * row;
    return (
      `<circle${attrs({ cx: x + 6, cy: y - scene.fontPx * 0.35, r: 6, fill: entry.fill, stroke: entry.stroke, 'stroke-width': 1.5, 'stroke-dasharray': entry.dash })}/>` +
      `<text${attrs({ x: x + 18, y, fill: scene.ink })}>${xmlEscape(entry.label)}</text>`
    );
  });
  return `<g class="legend">${items.join('')}</g>`;
}

export function graphSvgDocument(scene: GraphSvgScene): string {
  const { width, height } = scene;
  const t = scene.tracker;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${attrs({ xmlns: SVG_NS, version: '1.1', width, height, viewBox: `0 0 ${num(width)} ${num(height)}`, 'font-family': 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif', 'font-size': scene.fontPx })}>`,
    `<title>${xmlEscape(scene.title)}</title>`,
    `<rect${attrs({ x: 0, y: 0, width, height, fill: scene.background })}/>`,
    `<g class="connections"${attrs({ stroke: scene.linkColor, 'stroke-opacity': scene.linkOpacity, 'stroke-width': 1, fill: 'none' })}>`,
    ...scene.links.map((l) => `<line${attrs({ x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 })}/>`),
    '</g>',
    '<g class="peers">',
    ...scene.peers.map(
      (p) =>
        `<circle${attrs({ class: 'peer', 'data-id': String(p.id), 'data-look': p.look, cx: p.x, cy: p.y, r: scene.nodeRadius, fill: p.fill, stroke: p.stroke, 'stroke-width': p.strokeWidth, 'stroke-dasharray': p.dash, opacity: p.opacity === 1 ? null : p.opacity })}/>`,
    ),
    '</g>',
  ];
  if (scene.selected) {
    const s = scene.selected;
    parts.push(
      `<circle${attrs({ class: 'selected', cx: s.x, cy: s.y, r: scene.nodeRadius + 4, fill: 'none', stroke: s.color, 'stroke-width': 3 })}/>`,
    );
  }
  parts.push(
    '<g class="tracker">',
    `<circle${attrs({ cx: t.x, cy: t.y, r: t.radius, fill: t.fill, stroke: t.stroke, 'stroke-width': 2, 'stroke-dasharray': t.dash })}/>`,
    label(t.x, t.y + t.radius + scene.fontPx + 2, t.label, t.labelColor, {
      'text-anchor': 'middle',
      'font-weight': 600,
    }),
    '</g>',
    '<g class="labels" text-anchor="middle">',
    ...scene.peers.flatMap((p) =>
      p.label === null ? [] : [label(p.x, p.y + scene.nodeRadius + scene.fontPx, p.label, scene.ink)],
    ),
    '</g>',
    legend(scene),
    label(12, 12 + scene.fontPx, scene.title, scene.ink, { class: 'caption', 'font-weight': 600 }),
    '</svg>',
  );
  return parts.join('\n') + '\n';
}
