// Loading and saving scenario files in the page (the desktop menu offers the same through dialogs).
import { useRef } from 'react';
import { fileStem } from '../../../../shared/views/exports';
import { download } from '../../files/download';
import { useApp } from '../../store/context';
import { JsonFileInput } from '../../files/FileInput';
import { readJsonFile } from '../../files/openJson';

export function ScenarioFiles() {
  const { bridge, store } = useApp();
  const input = useRef<HTMLInputElement>(null);

  const open = async (file: File): Promise<void> => {
    const read = await readJsonFile(file);
    if (!read.ok) {
      store.setState({ notice: { text: read.error, kind: 'error' } });
      return;
    }
    const reply = await bridge.request({ kind: 'loadScenario', scenario: read.value });
    store.setState({
      notice: reply.ok ? { text: `loaded ${file.name}`, kind: 'info' } : { text: reply.error, kind: 'error' },
    });
  };

  const save = async (): Promise<void> => {
    const reply = await bridge.request({ kind: 'getScenario' });
    if (!reply.ok) {
      store.setState({ notice: { text: reply.error, kind: 'error' } });
      return;
    }
    const scenario = reply.value as { name?: string };
    download(`${fileStem(scenario.name)}.json`, JSON.stringify(scenario, null, 2) + '\n', 'application/json');
  };

  return (
    <>
      <button
        onClick={() => input.current?.click()}
        title="Load a scenario file (JSON; see docs/scenarios.md)"
        data-testid="open-scenario"
      >
        Open…
      </button>
      <JsonFileInput ref={input} testId="scenario-file" onFile={(file) => void open(file)} />
      <button
        onClick={() => void save()}
        title="Save the scenario, with the commands issued so far as its timeline"
        data-testid="save-scenario"
      >
        Save…
      </button>
    </>
  );
}
