// What the menu's actions ask the engine, what they write, and what they tell the user when it fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineReply, EngineRequest } from '../../shared/bridge';
import type { LoggedEvent } from '../../shared/events';

const electron = vi.hoisted(() => ({
  dialog: {
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(),
    showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  },
  shell: { openExternal: vi.fn(async () => undefined) },
}));
vi.mock('electron', () => electron);

import { createMenuActions, type MenuEngine } from '../../electron/main/menuActions';
import { fileStem, metricsCsv, requestLogText } from '../../shared/views/exports';
import { SwarmModel } from '../../shared/views/model';
import { run } from '../engine/helpers';

const dir = mkdtempSync(join(tmpdir(), 'tracker-lab-menu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = [
  { seq: 0, t: 0, type: 'clientStarted', client: 'c1' },
  { seq: 1, t: 1800, type: 'announceSent', client: 'c1', event: 'started' },
] as unknown as LoggedEvent[];

/** A host seen through the menu: answers each request kind from `replies`, records what it was asked. */
function fakeEngine(
  replies: Partial<Record<EngineRequest['kind'], EngineReply>> = {},
  playing = false,
  log: readonly LoggedEvent[] = events,
) {
  const requests: EngineRequest[] = [];
  const engine: MenuEngine = {
    request: async (request) => {
      requests.push(request);
      return replies[request.kind] ?? { ok: true, value: null };
    },
    events: () => log,
    playing: () => playing,
    scenarioName: () => 'Anatomy of a session',
  };
  return { engine, requests };
}

const win = { id: 1 };

function actionsFor(engine: MenuEngine) {
  return createMenuActions({
    engine,
    window: () => win as never,
    appName: 'Tracker Lab',
    appVersion: '0.1.0',
    versions: 'Electron 45.4.1',
  });
}

/** The error dialogs shown, as [message, detail]. */
function errorDialogs(): [string, string][] {
  return electron.dialog.showMessageBox.mock.calls
    .map((call) => (call as unknown[])[1] as { type: string; message: string; detail: string })
    .filter((options) => options.type === 'error')
    .map((options) => [options.message, options.detail]);
}

function chooseOpen(path: string | undefined): void {
  electron.dialog.showOpenDialog.mockResolvedValueOnce(
    path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] },
  );
}

function chooseSave(path: string | undefined): void {
  electron.dialog.showSaveDialog.mockResolvedValueOnce(
    path ? { canceled: false, filePath: path } : { canceled: true },
  );
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('Open Scenario…', () => {
  it('loads the chosen file through the host connection', async () => {
    const path = join(dir, 'swarm.json');
    writeFileSync(path, '{ "name": "swarm", "seed": 7 }');
    chooseOpen(path);
    const { engine, requests } = fakeEngine();
    await actionsFor(engine).openScenario();
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      filters: [{ name: 'JSON', extensions: ['json'] }],
      properties: ['openFile'],
    });
    expect(requests).toEqual([{ kind: 'loadScenario', scenario: { name: 'swarm', seed: 7 } }]);
    expect(errorDialogs()).toEqual([]);
  });

  it('says the file is not JSON, and loads nothing', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "name": ');
    chooseOpen(path);
    const { engine, requests } = fakeEngine();
    await actionsFor(engine).openScenario();
    let parseError = '';
    try {
      JSON.parse('{ "name": ');
    } catch (err) {
      parseError = (err as Error).message;
    }
    expect(errorDialogs()).toEqual([['“broken.json” is not valid JSON.', parseError]]);
    expect(requests).toEqual([]);
  });

  it("shows the host's problems, by JSON path, when the scenario is invalid", async () => {
    const path = join(dir, 'invalid.json');
    writeFileSync(path, '{ "duration": -1 }');
    chooseOpen(path);
    const problems = 'scenario.duration: must be positive\nscenario.torrents: Required';
    const { engine } = fakeEngine({ loadScenario: { ok: false, error: problems } });
    await actionsFor(engine).openScenario();
    expect(errorDialogs()).toEqual([['“invalid.json” is not a valid scenario.', problems]]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    chooseOpen(undefined);
    const { engine, requests } = fakeEngine();
    await actionsFor(engine).openScenario();
    expect(requests).toEqual([]);
    expect(errorDialogs()).toEqual([]);
  });

  it('says so when the file cannot be read', async () => {
    chooseOpen(join(dir, 'missing.json'));
    const { engine, requests } = fakeEngine();
    await actionsFor(engine).openScenario();
    expect(errorDialogs()).toEqual([
      [
        'Could not open the scenario.',
        `ENOENT: no such file or directory, open '${join(dir, 'missing.json')}'`,
      ],
    ]);
    expect(requests).toEqual([]);
  });
});

describe('Save Scenario…', () => {
  it('asks the host for the scenario and writes it as pretty JSON', async () => {
    const path = join(dir, 'saved.json');
    chooseSave(path);
    const scenario = { name: 'Anatomy of a session', seed: 1, timeline: [{ at: '5s', type: 'play' }] };
    const { engine, requests } = fakeEngine({ getScenario: { ok: true, value: scenario } });
    await actionsFor(engine).saveScenario();
    expect(requests).toEqual([{ kind: 'getScenario' }]);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(win, {
      defaultPath: 'Anatomy-of-a-session.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(scenario, null, 2) + '\n');
  });

  it('says so when the file cannot be written', async () => {
    const path = join(dir, 'no-such-folder', 'saved.json');
    chooseSave(path);
    const { engine } = fakeEngine({ getScenario: { ok: true, value: {} } });
    await actionsFor(engine).saveScenario();
    expect(errorDialogs()).toEqual([
      ['Could not save the scenario.', `ENOENT: no such file or directory, open '${path}'`],
    ]);
  });

  it("shows the host's error and opens no dialog when there is no scenario to save", async () => {
    const { engine } = fakeEngine({ getScenario: { ok: false, error: 'no engine' } });
    await actionsFor(engine).saveScenario();
    expect(errorDialogs()).toEqual([['Could not get the scenario.', 'no engine']]);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('sessions', () => {
  it('Save Session… asks the host for the session and writes it as JSON', async () => {
    const path = join(dir, 'run.session.json');
    chooseSave(path);
    const session = { format: 'tracker-lab-session', version: 1, scenario: {}, seed: 3, commands: [] };
    const { engine, requests } = fakeEngine({ getSession: { ok: true, value: session } });
    await actionsFor(engine).saveSession();
    expect(requests).toEqual([{ kind: 'getSession' }]);
    expect(electron.dialog.showSaveDialog.mock.calls[0]![1]).toEqual({
      defaultPath: 'Anatomy-of-a-session.session.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(session);
  });

  it("Open Session… loads the file through the host, and shows the host's problems", async () => {
    const path = join(dir, 'bad.session.json');
    writeFileSync(path, '{ "format": "nope" }');
    chooseOpen(path);
    const { engine, requests } = fakeEngine({ loadSession: { ok: false, error: 'session.format: wrong' } });
    await actionsFor(engine).openSession();
    expect(requests).toEqual([{ kind: 'loadSession', session: { format: 'nope' } }]);
    expect(errorDialogs()).toEqual([['“bad.session.json” is not a valid session.', 'session.format: wrong']]);
  });
});

describe('exports', () => {
  it('Export Report… writes the run report as JSON', async () => {
    const path = join(dir, 'report.json');
    chooseSave(path);
    const report = { scenario: 'Anatomy of a session', announces: 12 };
    const { engine, requests } = fakeEngine({ getReport: { ok: true, value: report } });
    await actionsFor(engine).exportReport();
    expect(requests).toEqual([{ kind: 'getReport' }]);
    expect(electron.dialog.showSaveDialog.mock.calls[0]![1]).toEqual({
      defaultPath: 'Anatomy-of-a-session-report.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(report);
  });

  it("Export Event Log… writes the engine's events as NDJSON, one per line", async () => {
    const path = join(dir, 'events.ndjson');
    chooseSave(path);
    const { engine, requests } = fakeEngine();
    await actionsFor(engine).exportEventLog();
    expect(requests).toEqual([]);
    expect(electron.dialog.showSaveDialog.mock.calls[0]![1]).toEqual({
      defaultPath: 'Anatomy-of-a-session-events.ndjson',
      filters: [{ name: 'NDJSON event log', extensions: ['ndjson', 'jsonl'] }],
    });
    expect(readFileSync(path, 'utf8')).toBe(
      '{"seq":0,"t":0,"type":"clientStarted","client":"c1"}\n' +
        '{"seq":1,"t":1800,"type":"announceSent","client":"c1","event":"started"}\n',
    );
  });

  it('Export Request Log… writes one request line per request, Export Metrics… the charts as CSV', async () => {
    const { events: log } = await run('anatomy-of-a-session');
    const model = new SwarmModel();
    model.apply(log);
    const { engine } = fakeEngine({}, false, log);
    const textPath = join(dir, 'requests.txt');
    chooseSave(textPath);
    await actionsFor(engine).exportRequestLog();
    expect(electron.dialog.showSaveDialog.mock.calls[0]![1]).toEqual({
      defaultPath: 'Anatomy-of-a-session-requests.txt',
      filters: [{ name: 'Text', extensions: ['txt', 'log'] }],
    });
    expect(readFileSync(textPath, 'utf8')).toBe(requestLogText(model.requests));
    expect(readFileSync(textPath, 'utf8').split('\n')).toHaveLength(20);

    const csvPath = join(dir, 'metrics.csv');
    chooseSave(csvPath);
    await actionsFor(engine).exportMetrics();
    expect(electron.dialog.showSaveDialog.mock.calls[1]![1]).toEqual({
      defaultPath: 'Anatomy-of-a-session-metrics.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(readFileSync(csvPath, 'utf8')).toBe(metricsCsv(model, log.at(-1)!.t));
    expect(errorDialogs()).toEqual([]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    chooseSave(undefined);
    const { engine } = fakeEngine({ getReport: { ok: true, value: {} } });
    await actionsFor(engine).exportReport();
    expect(errorDialogs()).toEqual([]);
  });
});

describe('Simulation', () => {
  it('Play/Pause plays a paused engine', async () => {
    const { engine, requests } = fakeEngine({}, false);
    await actionsFor(engine).togglePlay();
    expect(requests).toEqual([{ kind: 'command', command: { type: 'play' } }]);
  });

  it('Play/Pause pauses a playing engine', async () => {
    const { engine, requests } = fakeEngine({}, true);
    await actionsFor(engine).togglePlay();
    expect(requests).toEqual([{ kind: 'command', command: { type: 'pause' } }]);
  });

  it('Step sends the step command', async () => {
    const { engine, requests } = fakeEngine();
    await actionsFor(engine).step();
    expect(requests).toEqual([{ kind: 'command', command: { type: 'step' } }]);
  });

  it('shows an error the host answers to a command', async () => {
    const { engine } = fakeEngine({ command: { ok: false, error: 'the run has ended' } });
    await actionsFor(engine).step();
    expect(errorDialogs()).toEqual([['Could not step the simulation.', 'the run has ended']]);
  });
});

describe('Help', () => {
  it('About shows the name, version and runtime versions', async () => {
    await actionsFor(fakeEngine().engine).about();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(win, {
      type: 'info',
      title: 'About Tracker Lab',
      message: 'Tracker Lab 0.1.0',
      detail: 'A real BitTorrent tracker and a simulated swarm, animated.\n\nElectron 45.4.1',
      buttons: ['OK'],
    });
  });

  it('BEP Index opens bep_0000 in the browser', async () => {
    await actionsFor(fakeEngine().engine).openBepIndex();
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://www.bittorrent.org/beps/bep_0000.html'],
    ]);
  });
});

describe('helpers', () => {
  it('fileStem keeps a scenario name readable and safe as a file name', () => {
    expect(fileStem('Anatomy of a session')).toBe('Anatomy-of-a-session');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('  ')).toBe('scenario');
  });
});
