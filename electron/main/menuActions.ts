// What the menu's items do: scenario files in and out, exports, playback, About. Every engine request
// goes through the window's own host connection; every failure ends in a dialog that says what went
// wrong (for a scenario, the host lists the problems by JSON path), never in an unhandled rejection.
import { open, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BaseWindow, type FileFilter } from 'electron';
import type { EngineReply, EngineRequest } from '../../shared/bridge';
import type { LoggedEvent } from '../../shared/events';
import { fileStem, metricsCsv, requestLogText, toNdjson } from '../../shared/views/exports';
import { SwarmModel } from '../../shared/views/model';
import { BEP_INDEX_URL, openExternalSafely } from './external';
import type { MenuActions } from './menu';

/** The engine as the menu sees it (main.ts binds it to the host and the current window). */
export interface MenuEngine {
  /** A request through the current window's host connection. */
  request(request: EngineRequest): Promise<EngineReply>;
  /** The loaded engine's event log. */
  events(): readonly LoggedEvent[];
  playing(): boolean;
  scenarioName(): string;
}

export interface MenuActionDeps {
  engine: MenuEngine;
  /** The window dialogs attach to (none: free-standing dialogs). */
  window(): BaseWindow | undefined;
  appName: string;
  appVersion: string;
  /** Extra lines for About (Electron, Chromium and Node versions). */
  versions: string;
}

const JSON_FILES: FileFilter[] = [{ name: 'JSON', extensions: ['json'] }];
const NDJSON_FILES: FileFilter[] = [{ name: 'NDJSON event log', extensions: ['ndjson', 'jsonl'] }];
const TEXT_FILES: FileFilter[] = [{ name: 'Text', extensions: ['txt', 'log'] }];
const CSV_FILES: FileFilter[] = [{ name: 'CSV', extensions: ['csv'] }];
/** Events per write when exporting the log, so a long run is never one giant string. */
const EVENTS_PER_WRITE = 5_000;

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const { engine } = deps;

  const showError = async (message: string, detail: string): Promise<void> => {
    const options = { type: 'error' as const, title: deps.appName, message, detail, buttons: ['OK'] };
    const win = deps.window();
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };

  /** Runs an action; anything it throws becomes an error dialog, so the promise never rejects. */
  const guarded = (failure: string, action: () => Promise<void>) => (): Promise<void> =>
    action().catch((err: unknown) =>
      showError(failure, err instanceof Error ? err.message : String(err)).catch((dialogErr: unknown) =>
        console.error(failure, err, dialogErr),
      ),
    );

  const chooseOpenPath = async (): Promise<string | undefined> => {
    const options = { filters: JSON_FILES, properties: ['openFile' as const] };
    const win = deps.window();
    const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
    return result.canceled ? undefined : result.filePaths[0];
  };

  const chooseSavePath = async (defaultPath: string, filters: FileFilter[]): Promise<string | undefined> => {
    const options = { defaultPath, filters };
    const win = deps.window();
    const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };

  /** The reply's value, or an error dialog (and undefined). */
  const ask = async (request: EngineRequest, failure: string): Promise<unknown> => {
    const reply = await engine.request(request);
    if (reply.ok) return reply.value;
    await showError(failure, reply.error);
    return undefined;
  };

  const saveJson = async (value: unknown, defaultName: string): Promise<void> => {
    const path = await chooseSavePath(defaultName, JSON_FILES);
    if (path) await writeFile(path, JSON.stringify(value, null, 2) + '\n', 'utf8');
  };

  /** A JSON file the user picks, parsed; undefined when cancelled or not JSON (after saying so). */
  const openJson = async (): Promise<{ name: string; value: unknown } | undefined> => {
    const path = await chooseOpenPath();
    if (!path) return undefined;
    const name = basename(path);
    const text = await readFile(path, 'utf8');
    try {
      return { name, value: JSON.parse(text) };
    } catch (err) {
      await showError(`“${name}” is not valid JSON.`, (err as Error).message);
      return undefined;
    }
  };

  /** The view model of the whole log, as the page builds it (for the request log and metrics). */
  const model = (events: readonly LoggedEvent[]): SwarmModel => {
    const m = new SwarmModel();
    m.apply(events);
    return m;
  };

  const saveText = async (text: string, defaultName: string, filters: FileFilter[]): Promise<void> => {
    const path = await chooseSavePath(defaultName, filters);
    if (path) await writeFile(path, text, 'utf8');
  };

  const command = (type: 'play' | 'pause' | 'step'): Promise<void> =>
    ask({ kind: 'command', command: { type } }, `Could not ${type} the simulation.`).then(() => undefined);

  return {
    openScenario: guarded('Could not open the scenario.', async () => {
      const file = await openJson();
      if (file)
        await ask({ kind: 'loadScenario', scenario: file.value }, `“${file.name}” is not a valid scenario.`);
    }),

    openSession: guarded('Could not open the session.', async () => {
      const file = await openJson();
      if (file)
        await ask({ kind: 'loadSession', session: file.value }, `“${file.name}” is not a valid session.`);
    }),

    saveSession: guarded('Could not save the session.', async () => {
      const session = await ask({ kind: 'getSession' }, 'Could not get the session.');
      if (session === undefined) return;
      await saveJson(session, `${fileStem(engine.scenarioName())}.session.json`);
    }),

    saveScenario: guarded('Could not save the scenario.', async () => {
      const scenario = await ask({ kind: 'getScenario' }, 'Could not get the scenario.');
      if (scenario === undefined) return;
      await saveJson(scenario, `${fileStem(engine.scenarioName())}.json`);
    }),

    exportReport: guarded('Could not export the report.', async () => {
      const report = await ask({ kind: 'getReport' }, 'Could not get the report.');
      if (report === undefined) return;
      await saveJson(report, `${fileStem(engine.scenarioName())}-report.json`);
    }),

    exportEventLog: guarded('Could not export the event log.', async () => {
      // Taken before the dialog, so the file holds the log as it was when the user asked.
      const events = engine.events().slice();
      const path = await chooseSavePath(`${fileStem(engine.scenarioName())}-events.ndjson`, NDJSON_FILES);
      if (!path) return;
      const file = await open(path, 'w');
      try {
        for (let i = 0; i < events.length; i += EVENTS_PER_WRITE) {
          await file.write(toNdjson(events.slice(i, i + EVENTS_PER_WRITE)));
        }
      } finally {
        await file.close();
      }
    }),

    exportRequestLog: guarded('Could not export the request log.', async () => {
      const text = requestLogText(model(engine.events()).requests);
      await saveText(text, `${fileStem(engine.scenarioName())}-requests.txt`, TEXT_FILES);
    }),

    exportMetrics: guarded('Could not export the metrics.', async () => {
      const events = engine.events();
      const csv = metricsCsv(model(events), events.at(-1)?.t ?? 0);
      await saveText(csv, `${fileStem(engine.scenarioName())}-metrics.csv`, CSV_FILES);
    }),

    togglePlay: guarded('Could not change playback.', () => command(engine.playing() ? 'pause' : 'play')),

    step: guarded('Could not step the simulation.', () => command('step')),

    about: guarded('Could not show About.', async () => {
      const options = {
        type: 'info' as const,
        title: `About ${deps.appName}`,
        message: `${deps.appName} ${deps.appVersion}`,
        detail: `A real BitTorrent tracker and a simulated swarm, animated.\n\n${deps.versions}`,
        buttons: ['OK'],
      };
      const win = deps.window();
      await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    }),

    openBepIndex: async () => {
      openExternalSafely(BEP_INDEX_URL);
    },
  };
}
