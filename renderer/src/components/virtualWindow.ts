// Which rows of a long table to render: those in the viewport plus a few either side. The rest are
// replaced by two spacer rows of the right height, so the scrollbar stays true for 100,000 rows.

export interface WindowInput {
  scrollTop: number;
  /** Viewport height in px (0 before layout: a default is used so something renders). */
  viewport: number;
  rowHeight: number;
  count: number;
  overscan?: number;
}

export interface RowWindow {
  /** First rendered row (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Heights of the spacers above and below the rendered rows. */
  padTop: number;
  padBottom: number;
}

export const DEFAULT_VIEWPORT = 480;

export function visibleWindow({
  scrollTop,
  viewport,
  rowHeight,
  count,
  overscan = 8,
}: WindowInput): RowWindow {
  const height = viewport > 0 ? viewport : DEFAULT_VIEWPORT;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + Math.ceil(height / rowHeight) + overscan);
  return {
    start,
    end: Math.max(start, end),
    padTop: start * rowHeight,
    padBottom: Math.max(0, count - end) * rowHeight,
  };
}

/** The scrollTop that brings row `index` into view, or null when it already is. */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  header = 0,
): number | null {
  const height = (viewport > 0 ? viewport : DEFAULT_VIEWPORT) - header;
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return null;
}
