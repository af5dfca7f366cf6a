/**
 * A small, strict stand-in for the `electron` module (its binary cannot be downloaded here, and
 * importing the real package would try). It records what the main process and the preload register
 * so that tests can drive them: IPC handlers, protocol handlers, web contents events, session
 * handlers. `tests/support/mock-electron.ts` installs it for every Node test; `resetFakeElectron`
 * runs before each test.
 *
 * Strict, so that code which passes here has a chance in the real Electron:
 * - every object is a `strict` proxy: reading a member the fake does not model (an API Electron may
 *   not have, or one nobody checked against electron.d.ts) throws and is recorded as a violation;
 * - Electron's ordering rules are enforced: `registerSchemesAsPrivileged` once and before `ready`,
 *   `protocol.handle` (once per scheme), `session.defaultSession` and `new BrowserWindow` only after.
 * Violations are also collected in `fake.violations`, which mock-electron.ts checks after each test,
 * so a violation fails the test even where the code under test catches the error.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

/** Member names test tooling probes on any object (printing, matchers, promises): answered with undefined. */
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName', '$$typeof', 'constructor', 'inspect', '_isMockFunction', 'mock']);

/** Records and throws: the code under test used Electron in a way the fake does not allow. */
function violation(message: string): never {
  fakeState().violations.push(message);
  throw new Error(`fake electron: ${message}`);
}

/** `target` behind a proxy that refuses members it does not have (see the header). */
export function strict<T extends object>(target: T, name: string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object) return Reflect.get(object, key, receiver) as unknown;
      if (PROBED.has(key) || key.startsWith('@@') || key.startsWith('__')) return undefined;
      return violation(`${name}.${key} is not modelled (check it against electron.d.ts, then add it here)`);
    },
  });
}

const requireReady = (what: string): void => {
  if (!fakeState().ready) violation(`${what} before the app is ready`);
};

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });

  /** What main sent to the page (`webContents.send`). */
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => {});
  readonly loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
    this.emit('did-start-loading');
  });
  readonly isDestroyed = vi.fn(() => false);

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
    return strict(this, 'webContents');
  }

  /** Emits an event the way Electron does (an event object with `preventDefault`); says if it was prevented. */
  emitPreventable(name: string, details: Record<string, unknown> = {}, ...rest: unknown[]): boolean {
    let prevented = false;
    const event = { ...details, preventDefault: () => (prevented = true) };
    this.emit(name, event, ...rest);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.instances.filter((w) => !w.destroyed);

  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  visible = false;
  /** The window's page: `BrowserWindow.loadURL` is `webContents.loadURL`. No `loadFile`: Quire never loads file://. */
  readonly loadURL = vi.fn((url: string) => this.webContents.loadURL(url));
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly isMinimized = vi.fn(() => this.minimized);
  maximized = false;
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  readonly isMaximized = vi.fn(() => this.maximized);
  readonly getNormalBounds = vi.fn(() => ({
    x: Number(this.options.x ?? 0),
    y: Number(this.options.y ?? 0),
    width: Number(this.options.width ?? 800),
    height: Number(this.options.height ?? 600),
  }));
  readonly isDestroyed = vi.fn(() => this.destroyed);
  readonly setBackgroundColor = vi.fn();
  /** Closes as Electron does: `close` (preventable), then `closed`, unless a listener prevented it. */
  readonly close = vi.fn(() => {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroy();
  });
  readonly destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) fake.app.emit('window-all-closed');
  });

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    requireReady('new BrowserWindow()');
    const self = strict(this, 'BrowserWindow');
    FakeBrowserWindow.instances.push(self);
    fake.app.emit('web-contents-created', {}, this.webContents);
    return self;
  }
}

class FakeApp extends EventEmitter {
  paths = new Map<string, string>();
  name = 'Electron';
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly setAsDefaultProtocolClient = vi.fn((_scheme: string, ..._rest: unknown[]) => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  /** Resolves on the next turn, and from then on the app is ready (as `ready` fires once). */
  readonly whenReady = vi.fn(async () => {
    await Promise.resolve();
    if (!fakeState().ready) {
      fakeState().ready = true;
      this.emit('ready');
    }
  });
  readonly isReady = vi.fn(() => fakeState().ready);
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getAppPath = vi.fn(() => process.cwd());
  readonly getName = vi.fn(() => this.name);
  /** The interface language main follows when the setting is `system` (electron.d.ts: App.getLocale). */
  readonly getLocale = vi.fn(() => 'en-US');
  readonly getPreferredSystemLanguages = vi.fn((): string[] => ['en-US']);
  readonly setName = vi.fn((name: string) => {
    this.name = name;
  });
  readonly getPath = vi.fn((name: string) => this.paths.get(name) ?? path.join(os.tmpdir(), 'fake-electron', name));
  readonly setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });
  isPackaged = false;
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  readonly handle = vi.fn((channel: string, handler: Handler) => {
    // Electron refuses a second handler on one channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });

  /** Calls a registered handler as `ipcRenderer.invoke` from `event` would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel) as ((...a: unknown[]) => unknown) | undefined;
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeSession {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListener: ((details: unknown, callback: (response: unknown) => void) => void) | null = null;
  readonly setPermissionRequestHandler = vi.fn((handler: (...args: unknown[]) => void) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.permissionCheckHandler = handler;
  });
  readonly webRequest = {
    onHeadersReceived: vi.fn((listener: (details: unknown, callback: (response: unknown) => void) => void) => {
      this.headersListener = listener;
    }),
  };
}

class FakeProtocol {
  readonly privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  private registered = false;
  readonly registerSchemesAsPrivileged = vi.fn((schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
    if (fakeState().ready) violation('protocol.registerSchemesAsPrivileged after the app is ready');
    // Electron keeps only the last call: a second one would silently drop the first call's schemes.
    if (this.registered) violation('protocol.registerSchemesAsPrivileged called twice (Electron honours only one call)');
    this.registered = true;
    // electron.d.ts: code cache "only works when `standard` is also set to true".
    for (const { scheme, privileges } of schemes) if (privileges?.codeCache && !privileges.standard) violation(`protocol scheme '${scheme}' asks for codeCache without standard`);
    this.privileged.push(...schemes);
  });
  readonly handle = vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    requireReady(`protocol.handle('${scheme}')`);
    if (this.handlers.has(scheme)) violation(`protocol.handle('${scheme}') twice`);
    this.handlers.set(scheme, handler);
  });
  readonly unhandle = vi.fn((scheme: string) => {
    this.handlers.delete(scheme);
  });
}

const UTILITY_SHIM = fileURLToPath(new URL('./electron-mode/utility-process-shim.mjs', import.meta.url));

/**
 * A utility process, run as a real Node child process (through utility-process-shim.mjs, which
 * gives the module `process.parentPort` as Electron does): the module really runs, only the
 * launcher differs. Members as in electron.d.ts's `UtilityProcess`.
 */
export class FakeUtilityProcess extends EventEmitter {
  private readonly child;
  private exited = false;
  constructor(modulePath: string, args: string[], readonly options: Record<string, unknown>) {
    super();
    this.child = fork(UTILITY_SHIM, [modulePath, ...args], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    this.child.on('exit', (code) => {
      this.exited = true;
      // Electron reports a process killed by a signal with a code too.
      this.emit('exit', code ?? 1);
    });
  }
  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid;
  }
  readonly postMessage = vi.fn((message: unknown) => {
    if (this.exited) violation('UtilityProcess.postMessage after the process exited');
    this.child.send(message as object);
  });
  readonly kill = vi.fn(() => this.child.kill());
}

function createFake(ready: boolean) {
  const defaultSession = strict(new FakeSession(), 'session.defaultSession');
  return {
    /** false until `app.whenReady()` resolved (see `resetFakeElectron`) */
    ready,
    /** every misuse of the fake since the last reset (see the header) */
    violations: [] as string[],
    app: strict(new FakeApp(), 'app'),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: strict(new FakeIpcMain(), 'ipcMain'),
    protocol: strict(new FakeProtocol(), 'protocol'),
    session: strict(
      {
        get defaultSession() {
          requireReady('session.defaultSession');
          return defaultSession;
        },
      },
      'session',
    ),
    shell: strict({ openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async () => '') }, 'shell'),
    dialog: strict(
      {
        showErrorBox: vi.fn(),
        showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
        showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      },
      'dialog',
    ),
    /** The OS theme: tests flip `shouldUseDarkColors` and emit 'updated'. */
    nativeTheme: strict(Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' }), 'nativeTheme'),
    contextBridge: strict(
      {
        exposed: new Map<string, unknown>(),
        exposeInMainWorld: vi.fn((key: string, value: unknown) => {
          fake.contextBridge.exposed.set(key, value);
        }),
      },
      'contextBridge',
    ),
    ipcRenderer: strict(
      {
        invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
        on: vi.fn(),
        removeListener: vi.fn(),
        send: vi.fn(),
      },
      'ipcRenderer',
    ),
    Menu: strict(
      {
        buildFromTemplate: vi.fn((template: unknown[]) => ({ template, popup: vi.fn() })),
        setApplicationMenu: vi.fn(),
      },
      'Menu',
    ),
    utilityProcess: strict(
      {
        fork: vi.fn((modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
          requireReady('utilityProcess.fork');
          if (!path.isAbsolute(modulePath) || !existsSync(modulePath)) violation(`utilityProcess.fork of ${modulePath}, which is not a file`);
          return strict(new FakeUtilityProcess(modulePath, args, options), 'UtilityProcess');
        }),
      },
      'utilityProcess',
    ),
    /** One 1920×1080 display unless a test attaches others. */
    screen: strict(
      {
        displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
        getPrimaryDisplay: vi.fn(() => fake.screen.displays[0]!),
        getAllDisplays: vi.fn(() => fake.screen.displays),
      },
      'screen',
    ),
  };
}

type FakeElectron = ReturnType<typeof createFake>;
const globalSlot = globalThis as { __quireFakeElectron?: FakeElectron; __quireElectronModule?: unknown };

/**
 * The fake's state. Members are replaced by `resetFakeElectron`, so read them through `fake`. It
 * lives on globalThis so that a test calling `vi.resetModules()` (to re-run a module's top-level
 * code) still shares one fake with the modules it re-imports.
 */
export const fake: FakeElectron = (globalSlot.__quireFakeElectron ??= createFake(true));

function fakeState(): FakeElectron {
  return (globalSlot.__quireFakeElectron ??= createFake(true));
}

/**
 * A fresh fake for the next test: registries emptied, spies reset. Ready by default (most tests
 * drive code that runs after `ready`); `{ ready: false }` for a test of start-up order.
 */
export function resetFakeElectron({ ready = true }: { ready?: boolean } = {}): void {
  Object.assign(fake, createFake(ready));
  fake.BrowserWindow.instances = [];
}

/**
 * The module `import … from 'electron'` resolves to. Getters, so a module that imported `app` keeps
 * seeing the current fake after a reset only if it reads it at call time; modules under test are
 * re-imported per test file anyway.
 */
export const electronModule = strict({
  get app() {
    return fake.app;
  },
  get BrowserWindow() {
    return fake.BrowserWindow;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get protocol() {
    return fake.protocol;
  },
  get session() {
    return fake.session;
  },
  get shell() {
    return fake.shell;
  },
  get dialog() {
    return fake.dialog;
  },
  get contextBridge() {
    return fake.contextBridge;
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
  get Menu() {
    return fake.Menu;
  },
  get screen() {
    return fake.screen;
  },
  get nativeTheme() {
    return fake.nativeTheme;
  },
  get utilityProcess() {
    return fake.utilityProcess;
  },
}, 'electron');

// For packages loaded natively from node_modules (tests/support/electron-mode/native-electron.mjs).
globalSlot.__quireElectronModule = electronModule;
