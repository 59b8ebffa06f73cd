// Charts over virtual time: seeders and leechers, credited vs true upload and download (the gap
// shaded: the stat-update pitfall made visible), and tracker requests per minute. Series are cut
// down and laid out by pure functions in shared/views; this only draws them.
import { useMemo } from 'react';
import { formatBytes, formatDuration } from '../../../../shared/units';
import { barChartLayout, lineChartLayout, type Frame } from '../../../../shared/views/chartLayout';
import { countsSeries, holdUntil, requestRateBars, totalsSeries } from '../../../../shared/views/chartSeries';
import type { TotalsPoint } from '../../../../shared/views/types';
import { palette } from '../../theme';
import { useAppState } from '../../store/context';
import { useVirtualNow } from '../../store/useVirtualNow';
import { BarChart } from './BarChart';
import { ChartFigure } from './ChartFigure';
import { Legend, LineChart, type SeriesStyle } from './LineChart';
import { useWidth } from './useWidth';
import './charts.css';

const countStyles: Record<string, SeriesStyle> = {
  seeders: {
    label: 'seeders (complete)',
    tooltip: 'Peers the tracker lists with left=0, as its answers report them.',
    color: palette.seeding,
    dash: '',
  },
  leechers: {
    label: 'leechers (incomplete)',
    tooltip: 'Peers the tracker lists that are still downloading.',
    color: palette.leeching,
    dash: '7 4',
  },
};

function creditStyles(what: 'upload' | 'download'): Record<string, SeriesStyle> {
  return {
    gap: {
      label: 'not credited',
      tooltip: `Bytes really ${what}ed that the tracker has not credited: it only learns at the next announce, and never if that announce is lost.`,
      color: palette.ghost,
      dash: '',
      fillOpacity: 0.22,
    },
    truth: {
      label: `really ${what}ed`,
      tooltip: `What the clients really ${what}ed (ground truth).`,
      color: palette.leeching,
      dash: '',
    },
    credited: {
      label: 'credited by the tracker',
      tooltip: `What the tracker has credited to users for ${what}: it moves only when an announce arrives.`,
      color: palette.ghost,
      dash: '7 4',
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const pick = {
  upload: (p: TotalsPoint) => [p.trueUploaded, p.creditedUploaded] as const,
  download: (p: TotalsPoint) => [p.trueDownloaded, p.creditedDownloaded] as const,
};

export function Charts() {
  const model = useAppState((s) => s.model);
  const version = useAppState((s) => s.version);
  const endOfScenario = useAppState((s) => s.session?.endMs ?? 0);
  const isPrivate = useAppState((s) => s.model.trackerSettings?.private ?? s.model.users.size > 0);
  const largeText = useAppState((s) => s.display.largeText);
  const now = useVirtualNow();
  const { ref, width } = useWidth<HTMLDivElement>();

  const fontSize = largeText ? 18 : 12;
  const frame: Frame = { width: Math.max(240, width), height: largeText ? 300 : 220, fontSize };
  // A steady axis over the whole scenario, so the lines grow and the now line moves.
  const endMs = Math.max(endOfScenario, now, model.lastEventAt, 60_000);
  // Two points per pixel keeps every spike visible; more would only cost time.
  const maxPoints = Math.max(64, Math.floor(frame.width * 2));

  const counts = useMemo(
    () => holdUntil(countsSeries(model.counts, maxPoints), now),
    [model, version, maxPoints, now],
  );
  const totals = useMemo(
    () => holdUntil(totalsSeries(model.totals, maxPoints), now),
    [model, version, maxPoints, now],
  );
  const rate = useMemo(
    () => requestRateBars(model.requestsPerMinute, endMs, Math.floor(frame.width / 4)),
    [model, version, endMs, frame.width],
  );

  const countsLayout = lineChartLayout({
    frame,
    kind: 'count',
    t: counts.map((p) => p.t),
    lines: [
      { key: 'seeders', values: counts.map((p) => p.complete), curve: 'step' },
      { key: 'leechers', values: counts.map((p) => p.incomplete), curve: 'step' },
    ],
    endMs,
    now,
  });
  const last = counts[counts.length - 1];
  const current = model.currentTotals();

  const creditChart = (what: 'upload' | 'download') => {
    const truth = totals.map((p) => pick[what](p)[0]);
    const credited = totals.map((p) => pick[what](p)[1]);
    const layout = lineChartLayout({
      frame,
      kind: 'bytes',
      t: totals.map((p) => p.t),
      lines: [
        { key: 'truth', values: truth, curve: 'linear' },
        { key: 'credited', values: credited, curve: 'step' },
      ],
      // The gap band only where the tracker is behind (credited above truth would be over-credit).
      bands: [{ key: 'gap', lower: credited.map((c, i) => Math.min(c, truth[i]!)), upper: truth }],
      endMs,
      now,
    });
    const [real, got] =
      what === 'upload'
        ? [current.trueUploaded, current.creditedUploaded]
        : [current.trueDownloaded, current.creditedDownloaded];
    const styles = creditStyles(what);
    return (
      <ChartFigure
        id={`credit-${what}`}
        title={`Credited vs really ${what}ed`}
        caption={
          isPrivate
            ? `The shaded gap is ${what} the tracker has not credited yet. It closes at each announce; bytes moved after a client's last successful announce stay uncredited for good.`
            : `A public tracker credits nobody, so the credited line stays at zero: only private trackers keep per-user totals.`
        }
        legend={<Legend styles={styles} />}
        readout={`Now: ${formatBytes(real)} really ${what}ed, ${formatBytes(got)} credited, ${formatBytes(Math.max(0, real - got))} not credited.`}
      >
        <LineChart
          layout={layout}
          width={frame.width}
          height={frame.height}
          fontSize={fontSize}
          styles={styles}
          label={`Total ${what}: really ${formatBytes(real)}, credited ${formatBytes(got)}, over virtual time`}
          yTitle={`Bytes ${what}ed, all clients together`}
        />
      </ChartFigure>
    );
  };

  const rateLayout = barChartLayout({ frame, bars: rate.bars, endMs, now });
  const thisMinute = model.requestsPerMinute.get(Math.floor(Math.max(0, now - 1) / 60_000)) ?? 0;
  let busiest = 0;
  for (const n of model.requestsPerMinute.values()) busiest = Math.max(busiest, n);

  return (
    <section className="charts" aria-label="Charts" ref={ref}>
      <ChartFigure
        id="counts"
        title="Seeders and leechers"
        caption="What the tracker counts, over virtual time. A crashed client keeps counting until the peer timeout removes it."
        legend={<Legend styles={countStyles} />}
        readout={
          last
            ? `Now: ${plural(last.complete, 'seeder')}, ${plural(last.incomplete, 'leecher')}.`
            : 'No counts yet.'
        }
      >
        <LineChart
          layout={countsLayout}
          width={frame.width}
          height={frame.height}
          fontSize={fontSize}
          styles={countStyles}
          label={`Seeders and leechers over virtual time${last ? `; now ${plural(last.complete, 'seeder')}, ${plural(last.incomplete, 'leecher')}` : ''}`}
          yTitle="Peers the tracker lists"
        />
      </ChartFigure>
      {creditChart('upload')}
      {creditChart('download')}
      <ChartFigure
        id="requests"
        title="Tracker requests per minute"
        caption={`The tracker's load: every announce and scrape it received${rate.minutesPerBar > 1 ? `; each bar spans ${rate.minutesPerBar} minutes and shows its busiest minute` : ''}. Spikes are clients starting together, or announces forced faster than min interval.`}
        readout={`This minute: ${plural(thisMinute, 'request')}; busiest minute: ${busiest}; ${model.requests.length} in all by ${formatDuration(now)}.`}
      >
        <BarChart
          layout={rateLayout}
          width={frame.width}
          height={frame.height}
          fontSize={fontSize}
          color={palette.announce}
          label={`Tracker requests per minute over virtual time; busiest minute ${busiest}`}
          yTitle="Requests per minute"
          minutesPerBar={rate.minutesPerBar}
        />
      </ChartFigure>
    </section>
  );
}
