// Durations, sizes and rates as people write them in scenario files: "90s", "1h30m", "700MiB",
// "512KiB/s". Plain numbers are seconds, bytes and bytes/s.

const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(value: number | string): number | null {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  const text = value.trim();
  if (text === '') return null;
  const m = DURATION.exec(text);
  if (!m || m.slice(1).every((g) => g === undefined)) return null;
  const [h, min, s, ms] = m.slice(1).map((g) => (g === undefined ? 0 : Number(g)));
  return Math.round(h! * 3_600_000 + min! * 60_000 + s! * 1000 + ms!);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

const SIZE = /^(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?$/i;

/** Bytes, or null. */
export function parseSize(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  const m = SIZE.exec(value.trim());
  if (!m) return null;
  const unit = SIZE_UNITS[(m[2] ?? '').toLowerCase()];
  return unit === undefined ? null : Math.round(Number(m[1]) * unit);
}

/** Bytes per second, or null. Accepts "512KiB/s", "2MB/s", "1000" (bytes/s). */
export function parseRate(value: number | string): number | null {
  if (typeof value === 'number') return parseSize(value);
  const text = value.trim();
  return parseSize(text.endsWith('/s') ? text.slice(0, -2) : text);
}

export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  if (ms !== 0 && Math.abs(ms) < 1000) return `${sign}${Math.abs(Math.round(ms))}ms`;
  let rest = Math.abs(Math.round(ms / 1000));
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  if (h > 0) return `${sign}${h}h${String(m).padStart(2, '0')}m${String(s).padStart(2, '0')}s`;
  if (m > 0) return `${sign}${m}m${String(s).padStart(2, '0')}s`;
  return `${sign}${s}s`;
}

export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${sign}${i === 0 ? value : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${units[i]}`;
}
