// The graph's visual constants beyond theme.ts: sizes in screen pixels and the per-look stroke.
import { lookDash, palette, type NodeLook } from '../../theme';

export const ink = '#1d1d1f';
export const accent = '#0072b2';
/** Links from an answer's chosen peers to the requester (a darker shade of the answer's yellow). */
export const litLink = '#a89200';
/** Dots of announces and answers, X of failures (screen px). */
export const DOT_PX = 3.5;
export const FAILURE_PX = 7;
export const SELECTED_RING_PX = 4;

export const lookFill: Record<NodeLook, string> = {
  leeching: palette.leeching,
  seeding: palette.seeding,
  paused: palette.paused,
  offline: palette.offline,
  ghost: '#f6d3bf',
  crashed: palette.crashed,
  stopped: palette.stopped,
  idle: palette.idle,
};

export const lookStroke: Record<NodeLook, string> = {
  leeching: ink,
  seeding: ink,
  paused: ink,
  offline: ink,
  ghost: palette.ghost,
  crashed: ink,
  stopped: '#777777',
  idle: '#999999',
};

/** Dash pattern as numbers (canvas setLineDash), from theme.ts's strings. */
export const lookDashArray: Record<NodeLook, number[]> = Object.fromEntries(
  Object.entries(lookDash).map(([look, dash]) => [look, dash === '' ? [] : dash.split(' ').map(Number)]),
) as Record<NodeLook, number[]>;

/** Gone and no longer listed: drawn faded, so a ghost that expires visibly fades out. */
export const GONE_OPACITY = 0.4;
