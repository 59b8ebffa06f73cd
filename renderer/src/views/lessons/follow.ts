// Follows the engine's log for the active lesson: which steps have triggered (the pure matcher in
// shared/lessons/progress), pausing the engine at `pause` steps, and bringing the step's client
// forward. It runs on the app store's updates, not in a component, so it keeps going while the
// Lessons tab is hidden.
import type { EngineStatus } from '../../../../shared/bridge';
import type { CommandInput } from '../../../../shared/commands';
import { lessonProgress, type TriggeredStep } from '../../../../shared/lessons/progress';
import type { AppContext } from '../../store/context';
import type { AppState } from '../../store/store';
import { updateActive, type ActiveLesson, type LessonStore } from './lessonStore';
import { nextPause, stillHandled } from './pausePlan';

function sameSteps(a: readonly TriggeredStep[], b: readonly TriggeredStep[]): boolean {
  return (
    a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.seq === b[i]!.seq && s.t === b[i]!.t)
  );
}

export class LessonFollower {
  /** Pause steps already acted on (see pausePlan). */
  private handled = new Set<string>();
  /** A seek is on its way: act on nothing else until it is answered. */
  private busy = false;
  /**
   * The engine was set running (by the lesson's Continue, or seen playing) since the last pause.
   * At high speed a run can end between two status updates, so `playing` alone may never be seen.
   */
  private armed = false;
  /**
   * The pause step a seek is bringing the engine back to. The seek cuts the log back to a snapshot
   * before replaying up to the step, so for a moment the step is not reached: keep showing it.
   */
  private seekingTo: { id: string; t: number } | null = null;
  private latestId: string | null = null;
  /** The status that was current when the session changed: it belongs to the previous engine. */
  private staleStatus: AppState['status'] = null;
  private sessionSeen: number | null = null;
  private syncing = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: AppContext,
    private readonly lessons: LessonStore,
  ) {
    this.unsubscribe = ctx.store.subscribe(() => this.sync());
    this.sync();
  }

  stop(): void {
    this.unsubscribe();
  }

  /** The learner pressed Continue: the next pause step stops the engine even if it ran to the end. */
  arm(): void {
    this.armed = true;
  }

  /** Back from experimenting: what triggered meanwhile is not paused for again. */
  markAllHandled(): void {
    const active = this.lessons.getState().active;
    this.handled = new Set(active?.triggered.map((s) => s.id) ?? []);
    this.latestId = null;
  }

  sync(): void {
    // Selecting the step's client updates the app store, which calls back here: once is enough.
    if (this.syncing) return;
    this.syncing = true;
    try {
      this.syncOnce();
    } finally {
      this.syncing = false;
    }
  }

  private syncOnce(): void {
    const active = this.lessons.getState().active;
    const app = this.ctx.store.getState();
    if (!active || active.detached || !app.session || app.session.id <= active.loadedAfter) return;
    if (active.sessionId !== null && app.session.id !== active.sessionId) {
      updateActive(this.lessons, () => ({ detached: true }));
      return;
    }
    if (active.sessionId === null) updateActive(this.lessons, () => ({ sessionId: app.session!.id }));
    if (this.sessionSeen !== app.session.id) {
      this.sessionSeen = app.session.id;
      this.staleStatus = app.status;
    }
    const status = app.status !== this.staleStatus ? app.status : null;
    const triggered = lessonProgress(active.lesson, app.head.events, status?.now ?? app.head.lastEventAt);
    const fresh = status !== null && status.events === app.head.events.length;
    if (this.seekingTo) {
      // The host cuts the log before it answers the seek, and replays it after: wait for both.
      const { id, t } = this.seekingTo;
      const back = triggered.some((s) => s.id === id) || (fresh && status.now >= t && !status.playing);
      if (this.busy || !back) return;
      this.seekingTo = null;
    }
    this.handled = stillHandled(this.handled, triggered);
    if (!sameSteps(triggered, active.triggered)) updateActive(this.lessons, () => ({ triggered }));
    if (!active.following) return;
    this.focusLatest(active, triggered);
    // The host sends a status after every batch of events: decide on pauses only once the status
    // describes the log as it is, or a `playing` from before the batch would be taken at its word.
    if (fresh) this.pauseIfAsked(active, triggered, status);
  }

  /** A newly reached step becomes the one shown, and selects its client. */
  private focusLatest(active: ActiveLesson, triggered: readonly TriggeredStep[]): void {
    const latest = triggered.at(-1);
    if (!latest || latest.id === this.latestId) return;
    this.latestId = latest.id;
    const focus = active.lesson.steps[latest.index]!.focus;
    updateActive(this.lessons, () => ({ viewing: null }));
    this.lessons.setState({ focusTab: focus?.tab ?? null });
    const clientId =
      focus?.client !== undefined
        ? this.ctx.store.getState().head.clientsByName.get(focus.client)
        : undefined;
    if (clientId !== undefined) this.ctx.store.setState({ selectedClient: clientId });
  }

  private pauseIfAsked(
    active: ActiveLesson,
    triggered: readonly TriggeredStep[],
    status: EngineStatus,
  ): void {
    if (this.busy) return;
    if (status.playing) this.armed = true;
    const next = nextPause(active.lesson.steps, triggered, this.handled, { playing: this.armed });
    if (!next) return;
    this.handled.add(next.step.id);
    if (!next.action) return;
    const command: CommandInput = { type: 'seek', to: `${next.action.to}ms` };
    this.busy = true;
    this.armed = false;
    this.seekingTo = { id: next.step.id, t: next.step.t };
    void this.ctx.bridge.request({ kind: 'command', command }).then((reply) => {
      this.busy = false;
      if (!reply.ok) this.seekingTo = null;
      this.sync();
    });
  }
}
