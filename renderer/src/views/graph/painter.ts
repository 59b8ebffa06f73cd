// What the animation loop hands a renderer each frame. Both renderers implement `Painter`.
import type { GraphDriver } from './driver';
import type { ViewTransform } from './layout';
import type { SceneFrame } from './scene';

export interface PaintInput {
  driver: GraphDriver;
  scene: SceneFrame;
  width: number;
  height: number;
  transform: ViewTransform;
  /** The UI's base font size in px (larger in large-text mode). */
  fontPx: number;
  selected: number | null;
  hovered: number | null;
  showConnections: boolean;
  trackerUp: boolean;
  labels: boolean;
  /** performance.now() of the frame (only for throttling redraws of the static layer). */
  wallNow: number;
  name(id: number): string;
  real(id: number): boolean;
}

export interface Painter {
  paint(input: PaintInput): void;
  /** Removes what it added to the DOM (React removes the rest). */
  dispose(): void;
}
