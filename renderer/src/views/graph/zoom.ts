// Zoom and pan (d3-zoom) on the graph's surface. The view transform lives here, not in React state:
// the animation loop reads it every frame, and a programmatic fit is told apart from the user's hand.
import { select, zoom, zoomIdentity, type D3ZoomEvent } from 'd3';
import type { ViewTransform } from './layout';

export interface ZoomControl {
  /** Moves the view without counting as the user's move (an automatic fit). */
  set(t: ViewTransform): void;
  dispose(): void;
}

export const ZOOM_EXTENT: [number, number] = [0.02, 24];

export function attachZoom(
  element: HTMLElement,
  onChange: (t: ViewTransform, byUser: boolean) => void,
): ZoomControl {
  let programmatic = false;
  const behavior = zoom<HTMLElement, unknown>()
    .scaleExtent(ZOOM_EXTENT)
    // A press that moves less than this is a click (select a peer), not a pan.
    .clickDistance(4)
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      const { k, x, y } = event.transform;
      onChange({ k, x, y }, !programmatic && event.sourceEvent !== null);
    });
  const selection = select(element);
  selection.call(behavior);
  // Double-click is for selecting in a hurry, not zooming.
  selection.on('dblclick.zoom', null);
  return {
    set(t) {
      programmatic = true;
      try {
        selection.call(behavior.transform, zoomIdentity.translate(t.x, t.y).scale(t.k));
      } finally {
        programmatic = false;
      }
    },
    dispose() {
      selection.on('.zoom', null);
    },
  };
}
