// One row per point: the varied settings, the seeds finished, and each key metric's mean with its
// 95% confidence interval across seeds (shared/experiments/table.ts: the same cells as table.md).
import type { ExperimentResult } from '../../../../shared/experiments/result';
import { resultRows } from '../../../../shared/experiments/table';

export function ResultTable({ result }: { result: ExperimentResult }) {
  const { header, rows } = resultRows(result);
  return (
    <div className="sweep-table-wrap">
      <table className="sweep-table" data-testid="experiment-table">
        <caption>Mean ± 95% confidence interval across seeds</caption>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.point} data-testid={`experiment-row-${r.point}`}>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
