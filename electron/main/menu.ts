// The application menu, built by a pure function from the actions it triggers, so its shape can be
// tested without Electron. macOS gets its app menu (About, Services, Hide, Quit) and a Window menu.
import { Menu, type MenuItemConstructorOptions } from 'electron';

/** Each action settles when it is done (dialogs closed, file written) and never rejects. */
export interface MenuActions {
  openScenario(): Promise<void>;
  saveScenario(): Promise<void>;
  openSession(): Promise<void>;
  saveSession(): Promise<void>;
  exportReport(): Promise<void>;
  exportEventLog(): Promise<void>;
  exportRequestLog(): Promise<void>;
  exportMetrics(): Promise<void>;
  togglePlay(): Promise<void>;
  step(): Promise<void>;
  about(): Promise<void>;
  openBepIndex(): Promise<void>;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development build (not packaged): adds the developer tools. */
  isDev: boolean;
  appName?: string;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The renderer already handles Space and → (and ignores them while typing in a field), so the menu
 * only shows those keys; registering them would steal them from text fields. macOS can't show an
 * unregistered accelerator, so it shows none.
 */
function shownKey(key: string, platform: NodeJS.Platform): Partial<MenuItemConstructorOptions> {
  return platform === 'darwin' ? {} : { accelerator: key, registerAccelerator: false };
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const appName = options.appName ?? 'Tracker Lab';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => void actions.about() };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Scenario…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openScenario() },
      { label: 'Save Scenario…', accelerator: 'CmdOrCtrl+S', click: () => void actions.saveScenario() },
      separator,
      { label: 'Open Session…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void actions.openSession() },
      { label: 'Save Session…', accelerator: 'CmdOrCtrl+Shift+S', click: () => void actions.saveSession() },
      separator,
      { label: 'Export Report…', click: () => void actions.exportReport() },
      { label: 'Export Event Log…', click: () => void actions.exportEventLog() },
      { label: 'Export Request Log…', click: () => void actions.exportRequestLog() },
      { label: 'Export Metrics (CSV)…', click: () => void actions.exportMetrics() },
      ...(mac ? [] : [separator, { role: 'quit' } as const]),
    ],
  };

  // Without an Edit menu, macOS has no copy/paste shortcuts in text fields.
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(options.isDev ? [{ role: 'toggleDevTools' } as const] : []),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const simulation: MenuItemConstructorOptions = {
    label: 'Simulation',
    submenu: [
      { label: 'Play/Pause', ...shownKey('Space', options.platform), click: () => void actions.togglePlay() },
      { label: 'Step', ...shownKey('Right', options.platform), click: () => void actions.step() },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      ...(mac ? [] : [about, separator]),
      { label: 'BEP Index (bittorrent.org)', click: () => void actions.openBepIndex() },
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    file,
    edit,
    view,
    simulation,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}

export function installMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, options)));
}
