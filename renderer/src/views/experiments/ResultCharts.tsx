// The sweep's charts, laid out by the same pure builders as the CLI's SVG files and drawn by React:
// completion-time CDFs, metrics against a setting with error bars, box plots across seeds. They
// fill in as runs finish.
import type { ChartFile } from '../../../../shared/experiments/charts/experimentCharts';
import { ExperimentChart } from './ExperimentChart';

const sections: { kind: ChartFile['kind']; title: string }[] = [
  { kind: 'cdf', title: 'Completion time' },
  { kind: 'lines', title: 'Metrics by setting' },
  { kind: 'boxes', title: 'Across seeds' },
];

export function ResultCharts({ charts }: { charts: readonly ChartFile[] }) {
  return (
    <div className="sweep-charts" data-testid="experiment-charts">
      {sections.map(({ kind, title }) => {
        const own = charts.filter((c) => c.kind === kind);
        if (own.length === 0) return null;
        return (
          <section key={kind}>
            <h3>{title}</h3>
            {own.map((c) => (
              <figure key={c.file} className="sweep-chart" data-testid={`experiment-chart-${c.file}`}>
                <ExperimentChart chart={c} />
              </figure>
            ))}
          </section>
        );
      })}
    </div>
  );
}
