// What the sequence chart's marks mean, each drawn as in the chart (colour and a non-colour cue).
import type { ReactNode } from 'react';
import { palette } from '../../theme';
import { legStyle, markColor, requestColor, responseColor, spanDash, spanFill } from './arrowStyle';

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width={26} height={14} aria-hidden="true">
      {children}
    </svg>
  );
}

const line = (stroke: string, dash = '') => (
  <line x1={2} y1={7} x2={24} y2={7} stroke={stroke} strokeWidth={2} strokeDasharray={dash || undefined} />
);

/** A span of the chart's shading (paused, offline). */
const span = (kind: 'paused' | 'offline') => (
  <rect
    x={2}
    y={3}
    width={22}
    height={8}
    fill={spanFill[kind]}
    fillOpacity={0.35}
    stroke={spanFill[kind]}
    strokeDasharray={spanDash[kind]}
  />
);

export function SequenceLegend() {
  const failed = legStyle('request', 'timeout');
  const items: [string, string, ReactNode][] = [
    ['request', 'An announce, client → tracker.', line(requestColor)],
    ['answer', 'The tracker’s answer, tracker → client.', line(responseColor)],
    ['failure reason', 'The tracker answered with a `failure reason`.', line(palette.failure)],
    [
      'lost / aborted',
      'No answer: the tracker was down, the client offline, or the tracker restarted mid-request (ends in ✕).',
      line(failed.stroke, failed.dash),
    ],
    ['paused', 'A paused client: it sends nothing (or BEP 21 event=paused).', span('paused')],
    ['offline', 'An offline client: its announces time out.', span('offline')],
    [
      'crash',
      'The client crashed: no stopped announce.',
      <path d="M8 2L18 12M18 2L8 12" stroke={markColor.crash} strokeWidth={2.5} />,
    ],
    [
      'expiry',
      'The tracker dropped an entry it had not heard from within the peer timeout.',
      <path d="M13 1L19 7L13 13L7 7Z" fill="#ffffff" stroke={markColor.expiry} strokeWidth={2} />,
    ],
    [
      'squeezed gap',
      'Idle time squeezed to a fixed width: read the times on the axis, not the distances.',
      <path d="M7 12l4 -10M15 12l4 -10" stroke="#555555" strokeWidth={1.5} />,
    ],
  ];
  return (
    <ul className="seq-legend" data-testid="seq-legend">
      {items.map(([label, title, swatch]) => (
        <li key={label} title={title}>
          <Swatch>{swatch}</Swatch> {label}
        </li>
      ))}
    </ul>
  );
}
