// The event log's vocabulary: the tracker's events and the simulation's, each stamped with a
// sequence number when it enters the log.
import type { SimulationEvent } from './sim/events';
import type { TrackerEvent } from './tracker/events';

export type SimEvent = TrackerEvent | SimulationEvent;
export type SimEventType = SimEvent['type'];
export type LoggedEvent = SimEvent & { seq: number };
export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;
