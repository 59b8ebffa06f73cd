// The sequence chart's data from the store: the history (rebuilt when the shown model changes, at
// most a few times a second for big swarms), the compressed axis up to the shown time, the rows.
import { useMemo } from 'react';
import { sequenceHistory, type SequenceHistory } from '../../../../shared/views/sequenceHistory';
import { compressedScale, type CompressedScale } from '../../../../shared/views/sequenceScale';
import type { SwarmModel } from '../../../../shared/views/model';
import { useAppState } from '../../store/context';
import { useThrottledVersion } from '../../store/useThrottledVersion';

export interface SequenceData {
  model: SwarmModel;
  history: SequenceHistory;
  scale: CompressedScale;
  /** Client ids, one row each, in id order. */
  rows: number[];
  rowIndex: Map<number, number>;
  /** The shown virtual time: the cursor when scrubbing, else the engine's clock. */
  now: number;
}

export function useSequenceData(): SequenceData {
  const model = useAppState((s) => s.model);
  const cursor = useAppState((s) => s.cursor);
  const { version, now: engineNow } = useThrottledVersion();
  // version is the model's change counter (the model is mutated in place).
  const history = useMemo(() => sequenceHistory(model), [model, version]);
  const rows = useMemo(() => model.clients.flatMap((c) => (c === undefined ? [] : [c.id])), [model, version]);
  const rowIndex = useMemo(() => new Map(rows.map((id, i) => [id, i])), [rows]);
  const now = Math.max(cursor ?? engineNow, model.lastEventAt);
  const scale = useMemo(() => compressedScale([...history.moments, now]), [history, now]);
  return { model, history, scale, rows, rowIndex, now };
}
