// The sweep's definition: the base scenario (a preset, or the example's own), run length, seeds,
// and the values of each setting to vary. Choices with a fixed list are checkboxes; the rest are
// comma-separated values. The form only edits data (shared/experiments/form.ts); the engine validates.
import type { PresetInfo } from '../../../../shared/bridge';
import type { FormParam, SweepForm } from '../../../../shared/experiments/form';
import { trackerPresetNames } from '../../../../shared/tracker/presets';
import { selectionStrategyNames } from '../../../../shared/tracker/settings';

const choices: Partial<Record<FormParam, readonly string[]>> = {
  selection: selectionStrategyNames,
  preset: trackerPresetNames,
  seedersToSeeders: ['true', 'false'],
};

const labels: Record<FormParam, { label: string; hint: string }> = {
  selection: { label: 'Peer selection', hint: 'speed-normal / high / low: the seed’s normal, high, low' },
  numwant: { label: 'Peers per answer (numwant)', hint: 'e.g. 10, 50, 200' },
  interval: { label: 'Announce interval', hint: 'e.g. 5m, 30m' },
  minInterval: { label: 'Min interval', hint: 'e.g. 0, 1m' },
  peerTimeout: { label: 'Peer timeout', hint: 'e.g. 15m, 1h' },
  seedersToSeeders: { label: 'Seeders to seeders', hint: '' },
  preset: { label: 'Tracker behaviour', hint: '' },
  swarmSize: { label: 'Swarm size (clients)', hint: 'e.g. 30, 300' },
  arrival: { label: 'Arrival', hint: 'flash-crowd 10m, poisson 20s, every 10s, at 1m' },
};

const paramOrder = Object.keys(labels) as FormParam[];

function toggled(text: string, value: string, on: boolean): string {
  const values = text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '' && v !== value);
  return (on ? [...values, value] : values).join(', ');
}

export function SweepFormView(props: {
  form: SweepForm;
  presets: readonly PresetInfo[];
  disabled: boolean;
  onChange: (form: SweepForm) => void;
}) {
  const { form, presets, disabled, onChange } = props;
  const set = (patch: Partial<SweepForm>) => onChange({ ...form, ...patch });
  const setVary = (param: FormParam, text: string) => set({ vary: { ...form.vary, [param]: text } });
  const inline = 'scenario' in form.base ? form.base.scenario : null;
  return (
    <fieldset className="sweep-form" disabled={disabled} data-testid="sweep-form">
      <legend>Sweep</legend>
      <label>
        Name
        <input value={form.name} onChange={(e) => set({ name: e.target.value })} data-testid="sweep-name" />
      </label>
      <label>
        Base scenario
        <select
          value={inline ? '' : 'preset' in form.base ? form.base.preset : ''}
          onChange={(e) => set({ base: { preset: e.target.value } })}
          data-testid="sweep-base"
        >
          {inline && <option value="">{inline.name ?? 'inline scenario'} (the example’s own)</option>}
          {presets.map((p) => (
            <option key={p.name} value={p.name} title={p.description}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <div className="sweep-row">
        <label>
          Run length
          <input
            value={form.duration}
            placeholder="the base’s"
            onChange={(e) => set({ duration: e.target.value })}
            data-testid="sweep-duration"
          />
        </label>
        <label>
          Seeds per point
          <input
            value={form.seeds}
            inputMode="numeric"
            onChange={(e) => set({ seeds: e.target.value })}
            data-testid="sweep-seeds"
          />
        </label>
        <label>
          Sample every
          <input value={form.sampleEvery} onChange={(e) => set({ sampleEvery: e.target.value })} />
        </label>
      </div>
      <p className="sweep-note">
        Vary (every combination is a point; leave a setting empty to keep the base’s):
      </p>
      {paramOrder.map((param) => {
        const options = choices[param];
        const values = form.vary[param].split(',').map((v) => v.trim());
        return (
          <div className="sweep-param" key={param}>
            <span className="sweep-param-label" title={labels[param].hint}>
              {labels[param].label}
            </span>
            {options ? (
              <span className="sweep-choices">
                {options.map((o) => (
                  <label key={o}>
                    <input
                      type="checkbox"
                      checked={values.includes(o)}
                      onChange={(e) => setVary(param, toggled(form.vary[param], o, e.target.checked))}
                      data-testid={`vary-${param}-${o}`}
                    />
                    {o}
                  </label>
                ))}
              </span>
            ) : (
              <input
                value={form.vary[param]}
                placeholder={labels[param].hint}
                onChange={(e) => setVary(param, e.target.value)}
                data-testid={`vary-${param}`}
                aria-label={labels[param].label}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
