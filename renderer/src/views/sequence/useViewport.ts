// The sequence chart's scroll position and viewport size. The chart scrolls natively (a spacer of
// the full size inside an overflow box) while the SVG stays the viewport's size and draws only
// what is in view. Scrolled to the right end, it follows the chart as it grows.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

export interface Viewport {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Before layout (and in jsdom) the viewport is assumed this size. */
export const DEFAULT_VIEWPORT = { width: 960, height: 480 };

export interface ScrollViewport {
  ref: RefObject<HTMLDivElement | null>;
  view: Viewport;
  onScroll: (e: UIEvent<HTMLDivElement>) => void;
  /** Scrolls to (left, top); null keeps that axis where it is. */
  scrollTo: (left: number | null, top: number | null) => void;
}

export function useViewport(contentWidth: number): ScrollViewport {
  const ref = useRef<HTMLDivElement | null>(null);
  const following = useRef(true);
  const [view, setView] = useState<Viewport>({ left: 0, top: 0, ...DEFAULT_VIEWPORT });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void =>
      setView((v) => ({
        ...v,
        width: el.clientWidth || DEFAULT_VIEWPORT.width,
        height: el.clientHeight || DEFAULT_VIEWPORT.height,
      }));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Follow the newest events while the view is at the right end.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !following.current) return;
    el.scrollLeft = el.scrollWidth;
    const left = el.scrollLeft;
    setView((v) => (v.left === left ? v : { ...v, left }));
  }, [contentWidth]);

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    following.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 4;
    setView((v) => ({ ...v, left: el.scrollLeft, top: el.scrollTop }));
  }, []);

  const scrollTo = useCallback((left: number | null, top: number | null) => {
    const el = ref.current;
    if (!el) return;
    if (left !== null) {
      el.scrollLeft = left;
      following.current = false;
    }
    if (top !== null) el.scrollTop = top;
    setView((v) => ({ ...v, left: el.scrollLeft, top: el.scrollTop }));
  }, []);

  return { ref, view, onScroll, scrollTo };
}
