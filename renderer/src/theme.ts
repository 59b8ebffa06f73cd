// Colours that stay distinguishable for colour-blind viewers (Okabe–Ito), with a shape or stroke cue
// besides colour for every state, so the graph reads in greyscale on a projector too.
import type { ClientState } from '../../shared/sim/events';

export const palette = {
  tracker: '#111111',
  leeching: '#0072B2',
  seeding: '#009E73',
  paused: '#E69F00',
  offline: '#999999',
  ghost: '#D55E00',
  crashed: '#CC79A7',
  stopped: '#BBBBBB',
  idle: '#DDDDDD',
  announce: '#56B4E9',
  answer: '#F0E442',
  failure: '#D55E00',
  connection: '#9DB7CC',
} as const;

export type NodeLook =
  'leeching' | 'seeding' | 'paused' | 'offline' | 'ghost' | 'crashed' | 'stopped' | 'idle';

/** A crashed or stopped client the tracker still lists is a ghost: the state the lessons are about. */
export function lookOf(state: ClientState, listed: boolean): NodeLook {
  if ((state === 'crashed' || state === 'stopped') && listed) return 'ghost';
  return state;
}

export const lookLabel: Record<NodeLook, string> = {
  leeching: 'leeching',
  seeding: 'seeding',
  paused: 'paused',
  offline: 'offline',
  ghost: 'ghost (gone, still listed)',
  crashed: 'crashed',
  stopped: 'stopped',
  idle: 'not arrived',
};

/** Stroke dashes per look, the non-colour cue. */
export const lookDash: Record<NodeLook, string> = {
  leeching: '',
  seeding: '',
  paused: '4 2',
  offline: '1 3',
  ghost: '3 3',
  crashed: '1 2',
  stopped: '',
  idle: '',
};
