// React access to the lesson store of the app being shown.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { stepMarkers, type LessonMarker } from '../../../../shared/lessons/progress';
import { useApp } from '../../store/context';
import { lessonStoreFor, type LessonState } from './lessonStore';

export function useLessonState<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStoreFor(useApp().store), selector);
}

/** The active lesson's reached steps as timeline markers ("2. event=started" at 60000 ms). */
export function useLessonMarkers(): LessonMarker[] {
  const active = useLessonState((s) => s.active);
  return useMemo(() => (active?.following ? stepMarkers(active.lesson, active.triggered) : []), [active]);
}
