// The one hover callback the chart's layers share: a tip and where the pointer is, or null.
import type { MouseEvent } from 'react';
import type { SequenceTip } from '../../../../shared/views/sequenceText';

export type ShowTip = (tip: SequenceTip | null, e?: MouseEvent) => void;

/** Hover props for an element with a tooltip. */
export function hoverProps(show: ShowTip, tip: () => SequenceTip) {
  return {
    onMouseEnter: (e: MouseEvent) => show(tip(), e),
    onMouseMove: (e: MouseEvent) => show(tip(), e),
    onMouseLeave: () => show(null),
  };
}
