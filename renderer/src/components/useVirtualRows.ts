// A scroll container that renders only the visible rows of a long table (see virtualWindow.ts).
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';
import { scrollToReveal, visibleWindow, type RowWindow } from './virtualWindow';

export interface VirtualRows {
  ref: RefObject<HTMLDivElement | null>;
  onScroll: (e: UIEvent<HTMLDivElement>) => void;
  window: RowWindow;
  /** Scrolls just enough to show row `index`. */
  reveal: (index: number) => void;
  /** Scrolls to the last row. */
  toEnd: () => void;
  /** Whether the view is scrolled to the bottom (to keep following new rows). */
  atEnd: () => boolean;
}

export function useVirtualRows(count: number, rowHeight: number, header = rowHeight): VirtualRows {
  const ref = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setViewport(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);

  const reveal = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el || index < 0) return;
      const top = scrollToReveal(index, el.scrollTop, el.clientHeight, rowHeight, header);
      if (top !== null) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    },
    [rowHeight, header],
  );

  const toEnd = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    setScrollTop(el.scrollTop);
  }, []);

  const atEnd = useCallback(() => {
    const el = ref.current;
    return !el || el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
  }, [rowHeight]);

  return {
    ref,
    onScroll,
    window: visibleWindow({ scrollTop, viewport: viewport - header, rowHeight, count }),
    reveal,
    toEnd,
    atEnd,
  };
}
