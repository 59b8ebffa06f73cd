// The human-readable end of a headless run: per client, truth beside credit; for the tracker, load.
import { formatBytes, formatDuration } from '../../shared/units';
import type { RunReport } from '../engine/report';

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  return rows.map((r) =>
    r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '),
  );
}

export function printSummary(report: RunReport, wallMs: number, write: (line: string) => void): void {
  write(
    `${report.scenario} (seed ${report.seed}): ${formatDuration(report.endMs)} simulated in ${(wallMs / 1000).toFixed(2)} s, ${report.events} events`,
  );
  write('');
  const shown = report.clients.slice(0, 40);
  for (const line of table([
    ['client', 'state', 'true up', 'credited up', 'true down', 'credited down', 'ghost', 'completed in'],
    ...shown.map((c) => [
      c.name,
      c.state,
      formatBytes(c.trueUploaded),
      formatBytes(c.creditedUploaded),
      formatBytes(c.trueDownloaded),
      formatBytes(c.creditedDownloaded),
      c.ghostMs > 0 ? formatDuration(c.ghostMs) : '-',
      c.completionMs === null ? '-' : formatDuration(c.completionMs),
    ]),
  ]))
    write(line);
  if (report.clients.length > shown.length)
    write(`… and ${report.clients.length - shown.length} more clients (see --report)`);
  write('');
  const r = report.tracker.requests;
  write(
    `tracker: ${r.started} started, ${r.none} periodic, ${r.completed} completed, ${r.stopped} stopped, ${r.paused} paused, ` +
      `${r.scrape} scrapes; ${report.tracker.failures} failures; ${report.tracker.peersExpired} peers expired`,
  );
  for (const [reason, n] of Object.entries(report.tracker.failureReasons))
    write(`  failure × ${n}: ${reason}`);
  const d = report.completionMs;
  if (d.count > 0) {
    write(
      `downloads completed: ${d.count}; mean ${formatDuration(d.mean!)}, median ${formatDuration(d.median!)}, p90 ${formatDuration(d.p90!)}`,
    );
  }
}
