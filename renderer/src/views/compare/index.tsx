// A fork beside the run it left: key numbers at the moment both have reached, and the two runs'
// leechers and uncredited upload on shared charts. The original run comes from the engine (run to
// its end in the background); the fork is the live log. Numbers and series come from
// shared/views/compare; this only draws them.
import { useMemo } from 'react';
import { formatBytes, formatDuration } from '../../../../shared/units';
import { branchSeries, completionTimes } from '../../../../shared/views/branchSeries';
import { lineChartLayout, type Frame } from '../../../../shared/views/chartLayout';
import {
  alignSeries,
  commonEnd,
  comparisonRows,
  finishedSeries,
  type ComparisonRow,
} from '../../../../shared/views/compare';
import type { BranchSeries } from '../../../../shared/bridge';
import { palette } from '../../theme';
import { useAppState, useCommand } from '../../store/context';
import { useThrottledVersion } from '../../store/useThrottledVersion';
import { ChartFigure } from '../charts/ChartFigure';
import { Legend, LineChart, type SeriesStyle } from '../charts/LineChart';
import { useWidth } from '../charts/useWidth';
import '../charts/charts.css';
import './compare.css';

const styles: Record<string, SeriesStyle> = {
  original: {
    label: 'original run',
    tooltip: 'The run as it was before you changed something at the fork.',
    color: palette.ghost,
    dash: '7 4',
  },
  fork: {
    label: 'fork (now)',
    tooltip: 'The run with your change, as far as it has been simulated.',
    color: palette.leeching,
    dash: '',
  },
};

function show(row: ComparisonRow, value: number): string {
  return row.unit === 'bytes' ? formatBytes(value) : String(value);
}

function difference(row: ComparisonRow): string {
  const d = row.fork - row.original;
  if (d === 0) return 'same';
  const sign = d > 0 ? '+' : '−';
  return `${sign}${row.unit === 'bytes' ? formatBytes(Math.abs(d)) : Math.abs(d)}`;
}

export function ComparePanel() {
  const comparison = useAppState((s) => s.comparison);
  const head = useAppState((s) => s.head);
  const largeText = useAppState((s) => s.display.largeText);
  const { version } = useThrottledVersion();
  // The fork is the live run: as far as the engine has gone, whatever the timeline shows.
  const now = useAppState((s) => s.status?.now ?? s.head.lastEventAt);
  const command = useCommand();
  const { ref, width } = useWidth<HTMLDivElement>();

  const fork: BranchSeries | null = useMemo(
    () => (comparison ? branchSeries(head, Math.max(now, head.lastEventAt), completionTimes(head)) : null),
    [comparison, head, version, now],
  );

  if (!comparison || !fork) {
    return (
      <section className="compare" aria-label="Compare" data-testid="compare-empty">
        <h3>Fork from any moment, then compare</h3>
        <p>
          Drag the timeline back to a moment (or stay at the present), then change something there: pause a
          client, crash it, switch the selection strategy, restart the tracker. The run forks at that moment:
          the original is run on to its end in the background, and this tab shows both side by side.
        </p>
      </section>
    );
  }

  const { original, forkAt } = comparison;
  const until = commonEnd(original, fork);
  const rows = comparisonRows(original, fork, until);
  const fontSize = largeText ? 18 : 12;
  const frame: Frame = { width: Math.max(240, width), height: largeText ? 280 : 200, fontSize };

  const chart = (
    id: string,
    title: string,
    caption: string,
    kind: 'count' | 'bytes',
    series: { t: number[]; original: number[]; fork: number[] },
  ) => {
    const layout = lineChartLayout({
      frame,
      kind,
      t: series.t,
      lines: [
        { key: 'original', values: series.original, curve: 'step' },
        { key: 'fork', values: series.fork, curve: 'step' },
      ],
      endMs: Math.max(until, 60_000),
      now: forkAt,
    });
    const last = series.t.length - 1;
    const fmt = (v: number) => (kind === 'bytes' ? formatBytes(v) : String(v));
    return (
      <ChartFigure
        id={id}
        title={title}
        caption={caption}
        legend={<Legend styles={styles} />}
        readout={`At ${formatDuration(until)}: original ${fmt(series.original[last] ?? 0)}, fork ${fmt(series.fork[last] ?? 0)}. The vertical line is the fork.`}
      >
        <LineChart
          layout={layout}
          width={frame.width}
          height={frame.height}
          fontSize={fontSize}
          styles={styles}
          label={`${title}: original run and fork, over virtual time`}
          yTitle={title}
        />
      </ChartFigure>
    );
  };

  return (
    <section className="compare" aria-label="Compare" ref={ref} data-testid="compare">
      <p className="compare-summary" data-testid="compare-summary">
        Forked at <strong>{formatDuration(forkAt)}</strong>. The original ran to{' '}
        {formatDuration(original.endMs)}; the fork has reached {formatDuration(fork.endMs)}. Numbers at{' '}
        <strong>{formatDuration(until)}</strong>, the moment both have reached.{' '}
        {fork.endMs < original.endMs && (
          <button
            data-testid="compare-run-on"
            onClick={() =>
              void command({ type: 'setSpeed', speed: 'max' }).then(() => command({ type: 'play' }))
            }
            title="Run the fork as fast as possible to the end of the scenario"
          >
            Run the fork to the end
          </button>
        )}
      </p>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">At {formatDuration(until)}</th>
            <th scope="col">Original</th>
            <th scope="col">Fork</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              data-testid={`compare-row-${row.key}`}
              data-original={row.original}
              data-fork={row.fork}
            >
              <th scope="row" title={row.explain}>
                {row.label}
              </th>
              <td>{show(row, row.original)}</td>
              <td>{show(row, row.fork)}</td>
              <td className={row.fork === row.original ? 'same' : 'differs'}>{difference(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {chart(
        'compare-finished',
        'Downloads finished',
        'Clients whose download really completed, counted over time, in both runs.',
        'count',
        alignSeries(finishedSeries(original), finishedSeries(fork), (p) => p.finished, until),
      )}
      {chart(
        'compare-leechers',
        'Leechers listed',
        'Peers the tracker counts as downloading, in both runs.',
        'count',
        alignSeries(original.counts, fork.counts, (p) => p.incomplete, until),
      )}
      {chart(
        'compare-uncredited',
        'Upload not credited',
        'Bytes really uploaded that the tracker has not credited, in both runs.',
        'bytes',
        alignSeries(
          original.totals,
          fork.totals,
          (p) => Math.max(0, p.trueUploaded - p.creditedUploaded),
          until,
        ),
      )}
    </section>
  );
}
