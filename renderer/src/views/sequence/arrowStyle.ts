// How each kind of arrow, span and mark looks: colour plus a non-colour cue (dash, cross, shape),
// the graph's palette (theme.ts) darkened where a thin line on white needs the contrast.
import type { ExchangeOutcome, MarkKind, SpanKind } from '../../../../shared/views/sequenceHistory';
import { palette } from '../../theme';

export const ink = '#1d1d1f';
export const accent = '#0072b2';
/** The request (client → tracker): the graph's announce blue, darkened for a thin line. */
export const requestColor = '#1f78b4';
/** The answer (tracker → client): the graph's answer yellow, darkened to read on white. */
export const responseColor = '#8a7a00';

export interface LegStyle {
  stroke: string;
  dash: string;
}

/** Failed ones in the failure colour and dashed; a refusal by `failure reason` solid. */
export function legStyle(leg: 'request' | 'response', outcome: ExchangeOutcome): LegStyle {
  if (outcome === 'refused' || outcome === 'timeout' || outcome === 'aborted') {
    return { stroke: palette.failure, dash: '5 3' };
  }
  if (outcome === 'rejected' && leg === 'response') return { stroke: palette.failure, dash: '' };
  if (outcome === 'pending') return { stroke: '#777777', dash: '2 3' };
  return { stroke: leg === 'request' ? requestColor : responseColor, dash: '' };
}

export const spanFill: Record<SpanKind, string> = {
  paused: palette.paused,
  offline: palette.offline,
  down: palette.failure,
};

export const spanDash: Record<SpanKind, string> = { paused: '4 2', offline: '1 3', down: '5 3' };

export const markColor: Record<MarkKind, string> = {
  crash: palette.crashed,
  expiry: palette.ghost,
  restart: ink,
};
