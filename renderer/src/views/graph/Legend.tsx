// What the colours, dashes and moving marks mean. Every state has a stroke pattern besides its
// colour, so the legend reads in greyscale too.
import type { ReactNode } from 'react';
import { lookDash, lookLabel, palette } from '../../theme';
import { legendLooks } from './nodes';
import { GONE_OPACITY, ink, litLink, lookFill, lookStroke } from './style';

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="swatch" width="22" height="18" viewBox="-11 -9 22 18" aria-hidden="true">
      {children}
    </svg>
  );
}

export function Legend() {
  return (
    <ul className="graph-legend" aria-label="Legend" data-testid="graph-legend">
      {legendLooks.map((look) => (
        <li key={look} data-look={look}>
          <Swatch>
            <circle
              r="6.5"
              fill={lookFill[look]}
              stroke={lookStroke[look]}
              strokeWidth={look === 'ghost' ? 2 : 1.5}
              strokeDasharray={lookDash[look] || undefined}
              opacity={look === 'crashed' || look === 'stopped' ? GONE_OPACITY + 0.2 : undefined}
            />
          </Swatch>
          {lookLabel[look]}
        </li>
      ))}
      <li>
        <Swatch>
          <circle r="3.5" fill={palette.announce} stroke={ink} />
        </Swatch>
        announce → tracker
      </li>
      <li>
        <Swatch>
          <circle r="3.5" fill={palette.answer} stroke={ink} />
        </Swatch>
        answer → peer
      </li>
      <li>
        <Swatch>
          <line x1="-9" y1="0" x2="9" y2="0" stroke={litLink} strokeWidth="2" />
          <circle cx="6" r="4" fill="none" stroke={palette.answer} strokeWidth="2.5" />
        </Swatch>
        peer in the answer (hover: why)
      </li>
      <li>
        <Swatch>
          <path d="M-5 -5L5 5M5 -5L-5 5" stroke={palette.failure} strokeWidth="3" />
        </Swatch>
        announce failed
      </li>
      <li>
        <Swatch>
          <line x1="-9" y1="0" x2="9" y2="0" stroke={palette.connection} strokeWidth="2" />
        </Swatch>
        data connection
      </li>
    </ul>
  );
}
