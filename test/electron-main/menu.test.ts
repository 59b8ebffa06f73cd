// The menu's shape, per platform and build, and which action each item triggers.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}));
vi.mock('electron', () => electron);

import { installMenu, menuTemplate, type MenuActions } from '../../electron/main/menu';

function fakeActions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  const names = [
    'openScenario',
    'saveScenario',
    'openSession',
    'saveSession',
    'exportReport',
    'exportEventLog',
    'exportRequestLog',
    'exportMetrics',
    'togglePlay',
    'step',
    'about',
    'openBepIndex',
  ];
  return Object.fromEntries(names.map((name) => [name, vi.fn(async () => undefined)])) as never;
}

type Item = MenuItemConstructorOptions;

/** Each item as its label, or `role:<role>`, or `---` for a separator. */
function outline(items: Item[]): string[] {
  return items.map((item) =>
    item.type === 'separator' ? '---' : (item.label ?? `role:${item.role as string}`),
  );
}

function submenu(template: Item[], label: string): Item[] {
  const menu = template.find((item) => item.label === label);
  if (!menu) throw new Error(`no menu ${label}`);
  return menu.submenu as Item[];
}

function item(template: Item[], menu: string, label: string): Item {
  const found = submenu(template, menu).find((entry) => entry.label === label);
  if (!found) throw new Error(`no item ${label} in ${menu}`);
  return found;
}

const click = (entry: Item): void => (entry.click as () => void)();

describe('menuTemplate', () => {
  it('on Windows and Linux: File, Edit, View, Simulation, Help', () => {
    const template = menuTemplate(fakeActions(), { platform: 'linux', isDev: false });
    expect(outline(template)).toEqual(['File', 'Edit', 'View', 'Simulation', 'Help']);
    expect(outline(submenu(template, 'File'))).toEqual([
      'Open Scenario…',
      'Save Scenario…',
      '---',
      'Open Session…',
      'Save Session…',
      '---',
      'Export Report…',
      'Export Event Log…',
      'Export Request Log…',
      'Export Metrics (CSV)…',
      '---',
      'role:quit',
    ]);
    expect(outline(submenu(template, 'Simulation'))).toEqual(['Play/Pause', 'Step']);
    expect(outline(submenu(template, 'Help'))).toEqual([
      'About Tracker Lab',
      '---',
      'BEP Index (bittorrent.org)',
    ]);
  });

  it('on macOS: the app menu holds About and Quit, and a Window menu is added', () => {
    const template = menuTemplate(fakeActions(), { platform: 'darwin', isDev: false });
    expect(outline(template)).toEqual([
      'Tracker Lab',
      'File',
      'Edit',
      'View',
      'Simulation',
      'role:windowMenu',
      'Help',
    ]);
    expect(outline(submenu(template, 'Tracker Lab'))).toEqual([
      'About Tracker Lab',
      '---',
      'role:services',
      '---',
      'role:hide',
      'role:hideOthers',
      'role:unhide',
      '---',
      'role:quit',
    ]);
    expect(outline(submenu(template, 'File'))).toEqual([
      'Open Scenario…',
      'Save Scenario…',
      '---',
      'Open Session…',
      'Save Session…',
      '---',
      'Export Report…',
      'Export Event Log…',
      'Export Request Log…',
      'Export Metrics (CSV)…',
    ]);
    expect(outline(submenu(template, 'Help'))).toEqual(['BEP Index (bittorrent.org)']);
  });

  it('offers the developer tools only in development', () => {
    const packaged = menuTemplate(fakeActions(), { platform: 'linux', isDev: false });
    expect(outline(submenu(packaged, 'View'))).toEqual([
      'role:reload',
      '---',
      'role:resetZoom',
      'role:zoomIn',
      'role:zoomOut',
      '---',
      'role:togglefullscreen',
    ]);
    const dev = menuTemplate(fakeActions(), { platform: 'linux', isDev: true });
    expect(outline(submenu(dev, 'View'))).toEqual([
      'role:reload',
      'role:toggleDevTools',
      '---',
      'role:resetZoom',
      'role:zoomIn',
      'role:zoomOut',
      '---',
      'role:togglefullscreen',
    ]);
  });

  it('has an Edit menu so text fields get copy and paste shortcuts', () => {
    const template = menuTemplate(fakeActions(), { platform: 'darwin', isDev: false });
    expect(outline(submenu(template, 'Edit'))).toEqual([
      'role:undo',
      'role:redo',
      '---',
      'role:cut',
      'role:copy',
      'role:paste',
      'role:selectAll',
    ]);
  });

  it('each item triggers its own action', () => {
    const actions = fakeActions();
    const template = menuTemplate(actions, { platform: 'linux', isDev: false });
    const expected: [string, string, keyof MenuActions][] = [
      ['File', 'Open Scenario…', 'openScenario'],
      ['File', 'Save Scenario…', 'saveScenario'],
      ['File', 'Export Report…', 'exportReport'],
      ['File', 'Export Event Log…', 'exportEventLog'],
      ['File', 'Open Session…', 'openSession'],
      ['File', 'Save Session…', 'saveSession'],
      ['File', 'Export Request Log…', 'exportRequestLog'],
      ['File', 'Export Metrics (CSV)…', 'exportMetrics'],
      ['Simulation', 'Play/Pause', 'togglePlay'],
      ['Simulation', 'Step', 'step'],
      ['Help', 'About Tracker Lab', 'about'],
      ['Help', 'BEP Index (bittorrent.org)', 'openBepIndex'],
    ];
    for (const [menu, label, action] of expected) {
      for (const fn of Object.values(actions)) fn.mockClear();
      click(item(template, menu, label));
      const called = Object.entries(actions).filter(([, fn]) => fn.mock.calls.length > 0);
      expect(called.map(([name]) => name)).toEqual([action]);
    }
  });

  it('on macOS, About in the app menu triggers the about action', () => {
    const actions = fakeActions();
    click(
      item(menuTemplate(actions, { platform: 'darwin', isDev: false }), 'Tracker Lab', 'About Tracker Lab'),
    );
    expect(actions.about).toHaveBeenCalledTimes(1);
  });

  it('shows Space and → for playback without stealing them from text fields', () => {
    const linux = menuTemplate(fakeActions(), { platform: 'linux', isDev: false });
    expect(item(linux, 'Simulation', 'Play/Pause')).toMatchObject({
      accelerator: 'Space',
      registerAccelerator: false,
    });
    expect(item(linux, 'Simulation', 'Step')).toMatchObject({
      accelerator: 'Right',
      registerAccelerator: false,
    });
    const mac = menuTemplate(fakeActions(), { platform: 'darwin', isDev: false });
    expect(item(mac, 'Simulation', 'Play/Pause').accelerator).toBeUndefined();
    expect(item(mac, 'Simulation', 'Step').accelerator).toBeUndefined();
  });

  it('gives Open and Save the usual shortcuts', () => {
    const template = menuTemplate(fakeActions(), { platform: 'win32', isDev: false });
    expect(item(template, 'File', 'Open Scenario…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(template, 'File', 'Save Scenario…').accelerator).toBe('CmdOrCtrl+S');
  });
});

describe('installMenu', () => {
  it('sets the built template as the application menu', () => {
    installMenu(fakeActions(), { platform: 'linux', isDev: false });
    const built = electron.Menu.buildFromTemplate.mock.results[0]!.value as { template: Item[] };
    expect(outline(built.template)).toEqual(['File', 'Edit', 'View', 'Simulation', 'Help']);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});
