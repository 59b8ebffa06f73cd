// Clock and session controls: play / pause / step / speed, the virtual time, the preset picker,
// loading and saving scenario files, and the display options.
import { useEffect, useRef, useState } from 'react';
import type { Speed } from '../../../../shared/bridge';
import { formatDuration } from '../../../../shared/units';
import { useApp, useAppShallow, useCommand } from '../../store/context';
import { virtualNow } from '../../store/store';
import { ScenarioFiles } from './ScenarioFiles';
import { SessionFiles } from './SessionFiles';

export const speeds: Speed[] = [1, 10, 60, 300, 1800, 3600, 'max'];

function speedLabel(speed: Speed): string {
  return speed === 'max' ? 'max' : `${speed}×`;
}

/** The virtual clock, refreshed every animation frame while playing. */
function Clock() {
  const { store } = useApp();
  const [text, setText] = useState('0s');
  useEffect(() => {
    let frame = 0;
    const tick = (): void => {
      const s = store.getState();
      const end = s.status?.endMs ?? 0;
      setText(`${formatDuration(virtualNow(s, performance.now()))} / ${formatDuration(end)}`);
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [store]);
  return (
    <span className="clock" data-testid="clock" title="Virtual time / end of the scenario">
      {text}
    </span>
  );
}

export function Toolbar() {
  const { bridge, store } = useApp();
  const command = useCommand();
  const { status, session, connection, display } = useAppShallow((s) => ({
    status: s.status,
    session: s.session,
    connection: s.connection,
    display: s.display,
  }));
  const presetRef = useRef<HTMLSelectElement>(null);
  const playing = status?.playing ?? false;

  const loadPreset = async (name: string): Promise<void> => {
    const reply = await bridge.request({ kind: 'loadPreset', name });
    store.setState({ notice: reply.ok ? null : { text: reply.error, kind: 'error' } });
  };

  return (
    <header className="toolbar">
      <h1 className="brand" title="Tracker Lab: a BitTorrent tracker and a simulated swarm, animated">
        Tracker Lab
      </h1>
      <div className="group" role="group" aria-label="Playback">
        <button
          onClick={() => void command({ type: playing ? 'pause' : 'play' })}
          title={playing ? 'Pause (space)' : 'Play (space)'}
          data-testid="play"
          aria-pressed={playing}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button
          onClick={() => void command({ type: 'step' })}
          title="Step to the next event (→)"
          data-testid="step"
        >
          Step ›
        </button>
        <label title="Virtual seconds per real second (+ / −)">
          Speed{' '}
          <select
            value={String(status?.speed ?? 60)}
            onChange={(e) => {
              const v = e.target.value;
              void command({ type: 'setSpeed', speed: v === 'max' ? 'max' : Number(v) });
            }}
            data-testid="speed"
          >
            {speeds.map((s) => (
              <option key={String(s)} value={String(s)}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <Clock />
      </div>
      <div className="group" role="group" aria-label="Scenario">
        <label title="Load a preset scenario: the seed’s session, one per pitfall, and two swarms">
          Preset{' '}
          <select
            ref={presetRef}
            value={session?.scenario.name ?? ''}
            onChange={(e) => void loadPreset(e.target.value)}
            data-testid="preset"
          >
            {!session?.presets.some((p) => p.name === session.scenario.name) && (
              <option value={session?.scenario.name ?? ''}>{session?.scenario.name ?? '…'}</option>
            )}
            {session?.presets.map((p) => (
              <option key={p.name} value={p.name} title={p.description}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <ScenarioFiles />
        <SessionFiles />
      </div>
      <div className="group display" role="group" aria-label="Display">
        <label title="Larger text for projectors">
          <input
            type="checkbox"
            checked={display.largeText}
            onChange={(e) => store.setState({ display: { ...display, largeText: e.target.checked } })}
            data-testid="large-text"
          />{' '}
          Large text
        </label>
        <label title="Draw the data connections between peers">
          <input
            type="checkbox"
            checked={display.showConnections}
            onChange={(e) => store.setState({ display: { ...display, showConnections: e.target.checked } })}
          />{' '}
          Connections
        </label>
        <span
          className={`connection ${connection}`}
          title="Connection to the engine"
          data-testid="connection"
        >
          {connection === 'open'
            ? '● engine'
            : connection === 'connecting'
              ? '○ connecting'
              : '✕ disconnected'}
        </span>
      </div>
    </header>
  );
}
