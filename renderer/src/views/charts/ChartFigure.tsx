// A chart with its title, legend, a one-line reading of the current values, and a short caption.
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  caption: string;
  legend?: ReactNode;
  /** The values at the current time, in words. */
  readout: string;
  children: ReactNode;
}

export function ChartFigure({ id, title, caption, legend, readout, children }: Props) {
  return (
    <figure className="chart" aria-labelledby={`chart-${id}-title`} data-testid={`chart-${id}`}>
      <h3 id={`chart-${id}-title`} title={caption}>
        {title}
      </h3>
      {legend}
      {children}
      <p className="chart-readout" data-testid={`chart-${id}-readout`}>
        {readout}
      </p>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
