// The tracker's settings, applied live (each change is a setTrackerSettings command), its behaviour
// presets, its availability (down / up / restart), and adding clients to the swarm.
import {
  counterResetModes,
  firstAnnounceModes,
  minIntervalEnforcementModes,
  pausedHandlingModes,
  peerIdentityModes,
  selectionStrategyNames,
  snatchCountingModes,
  statsAccessModes,
  type TrackerSettings,
} from '../../../../shared/tracker/settings';
import { selectionStrategyDescriptions, settingDescriptions } from '../../../../shared/tracker/explain';
import { trackerPresets, type TrackerPresetName } from '../../../../shared/tracker/presets';
import { useAppShallow, useCommand } from '../../store/context';
import { AddClients } from './AddClients';

type Field =
  | { key: keyof TrackerSettings; kind: 'number'; unit?: string }
  | { key: keyof TrackerSettings; kind: 'choice'; options: readonly string[] }
  | { key: keyof TrackerSettings; kind: 'flag' }
  | { key: keyof TrackerSettings; kind: 'text' };

const fields: Field[] = [
  { key: 'interval', kind: 'number', unit: 's' },
  { key: 'minInterval', kind: 'number', unit: 's' },
  { key: 'intervalJitter', kind: 'number', unit: 's' },
  { key: 'peerTimeout', kind: 'number', unit: 's' },
  { key: 'sweepInterval', kind: 'number', unit: 's' },
  { key: 'numwantDefault', kind: 'number' },
  { key: 'numwantMax', kind: 'number' },
  { key: 'selection', kind: 'choice', options: selectionStrategyNames },
  { key: 'seedersToSeeders', kind: 'flag' },
  { key: 'peerIdentity', kind: 'choice', options: peerIdentityModes },
  { key: 'recognizeByKey', kind: 'flag' },
  { key: 'pausedHandling', kind: 'choice', options: pausedHandlingModes },
  { key: 'minIntervalEnforcement', kind: 'choice', options: minIntervalEnforcementModes },
  { key: 'keepStateOnRestart', kind: 'flag' },
  { key: 'private', kind: 'flag' },
  { key: 'counterReset', kind: 'choice', options: counterResetModes },
  { key: 'firstAnnounce', kind: 'choice', options: firstAnnounceModes },
  { key: 'snatchCounting', kind: 'choice', options: snatchCountingModes },
  { key: 'trustIpParam', kind: 'flag' },
  { key: 'warningMessage', kind: 'text' },
  { key: 'trackerId', kind: 'text' },
  { key: 'statsAccess', kind: 'choice', options: statsAccessModes },
];

function SettingInput({
  field,
  value,
  apply,
}: {
  field: Field;
  value: unknown;
  apply: (v: unknown) => void;
}) {
  const id = `setting-${field.key}`;
  switch (field.kind) {
    case 'flag':
      return (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => apply(e.target.checked)}
          data-testid={id}
        />
      );
    case 'choice':
      return (
        <select id={id} value={String(value)} onChange={(e) => apply(e.target.value)} data-testid={id}>
          {field.options.map((o) => (
            <option
              key={o}
              value={o}
              title={
                field.key === 'selection'
                  ? selectionStrategyDescriptions[o as keyof typeof selectionStrategyDescriptions]
                  : undefined
              }
            >
              {o}
            </option>
          ))}
        </select>
      );
    case 'number':
    case 'text':
      return (
        <input
          id={id}
          key={String(value)}
          type={field.kind === 'number' ? 'number' : 'text'}
          min={0}
          defaultValue={String(value)}
          data-testid={id}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
          onBlur={(e) => {
            const raw = e.target.value;
            const next = field.kind === 'number' ? Number(raw) : raw;
            if (next !== value) apply(next);
          }}
        />
      );
  }
}

export function TrackerPanel() {
  const command = useCommand();
  const { settings, up } = useAppShallow((s) => ({
    settings: s.model.trackerSettings,
    up: s.model.trackerUp,
    v: s.version,
  }));
  if (!settings) return <div className="panel-empty">No tracker yet.</div>;
  return (
    <div className="tracker-panel">
      <div className="row" role="group" aria-label="Tracker availability">
        <span className={up ? 'badge up' : 'badge down'} data-testid="tracker-availability">
          tracker {up ? 'up' : 'down'}
        </span>
        <button
          onClick={() => void command({ type: up ? 'stopTracker' : 'startTracker' })}
          title="Take the tracker down (connections refused) or bring it back"
          data-testid="tracker-toggle"
        >
          {up ? 'Take down' : 'Bring up'}
        </button>
        <button
          onClick={() => void command({ type: 'restartTracker' })}
          disabled={!up}
          title="Restart: requests in flight are aborted; without keepStateOnRestart the peers are forgotten"
          data-testid="tracker-restart"
        >
          Restart
        </button>
        <label title="Switch every setting to mimic a well-known tracker">
          Behaviour{' '}
          <select
            value=""
            onChange={(e) =>
              e.target.value &&
              void command({ type: 'applyTrackerPreset', preset: e.target.value as TrackerPresetName })
            }
            data-testid="tracker-preset"
          >
            <option value="">preset…</option>
            {trackerPresets.map((p) => (
              <option key={p.name} value={p.name} title={p.description}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="settings">
        <tbody>
          {fields.map((field) => (
            <tr key={field.key} title={settingDescriptions[field.key]}>
              <th>
                <label htmlFor={`setting-${field.key}`}>{field.key}</label>
              </th>
              <td>
                <SettingInput
                  field={field}
                  value={settings[field.key]}
                  apply={(v) => void command({ type: 'setTrackerSettings', settings: { [field.key]: v } })}
                />
                {field.kind === 'number' && field.unit ? <span className="unit"> {field.unit}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddClients />
    </div>
  );
}
