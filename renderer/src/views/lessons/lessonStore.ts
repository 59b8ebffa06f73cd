// The lesson being followed, kept outside React (one store per app store) so it survives the
// Lessons tab being hidden: narration and pauses go on while the learner looks at other panels.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lesson, LessonTab } from '../../../../shared/lessons/schema';
import type { TriggeredStep } from '../../../../shared/lessons/progress';
import type { AppStore } from '../../store/store';

/** What `listLessons` answers, one per lesson. */
export interface LessonInfo {
  name: string;
  title: string;
  preset: string | null;
  summary: string;
}

export interface ActiveLesson {
  lesson: Lesson;
  /** Sessions up to this id are from before the lesson was loaded. */
  loadedAfter: number;
  /** The engine session the lesson runs in, once it has arrived. */
  sessionId: number | null;
  /** false after "Leave lesson": the swarm stays, nothing is narrated or paused. */
  following: boolean;
  /** The engine loaded something else since: the lesson cannot go on. */
  detached: boolean;
  triggered: TriggeredStep[];
  /** Position in `triggered` being read, or null to follow the latest. */
  viewing: number | null;
  /** Chosen answers and revealed predictions, by step id. */
  answers: Record<string, number>;
  revealed: Record<string, boolean>;
}

export interface LessonState {
  list: LessonInfo[] | null;
  listError: string | null;
  active: ActiveLesson | null;
  /** The panel the current step asks for (the app may switch to it). */
  focusTab: LessonTab | null;
}

export type LessonStore = StoreApi<LessonState>;

const stores = new WeakMap<AppStore, LessonStore>();

export function lessonStoreFor(app: AppStore): LessonStore {
  let store = stores.get(app);
  if (!store) {
    store = createStore<LessonState>()(() => ({ list: null, listError: null, active: null, focusTab: null }));
    stores.set(app, store);
  }
  return store;
}

/** Updates the active lesson, if there is one. */
export function updateActive(
  store: LessonStore,
  patch: (active: ActiveLesson) => Partial<ActiveLesson>,
): void {
  const { active } = store.getState();
  if (active) store.setState({ active: { ...active, ...patch(active) } });
}

/** The position in `triggered` the learner reads. */
export function viewedPosition(active: ActiveLesson): number {
  return active.viewing ?? active.triggered.length - 1;
}
