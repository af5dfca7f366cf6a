/**
 * A small stand-in for the `electron` module (its binary cannot be downloaded here, and importing
 * the real package would try). It records what the main process and the preload register so that
 * tests can drive them: IPC handlers, protocol handlers, web contents events, session handlers.
 * `tests/support/mock-electron.ts` installs it for every Node test; `resetFakeElectron` runs
 * before each test.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

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

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
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
  readonly loadFile = vi.fn(async (file: string) => {
    this.webContents.mainFrame.url = `file://${file}`;
  });
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
  readonly close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
}

class FakeApp extends EventEmitter {
  paths = new Map<string, string>();
  name = 'Electron';
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly setAsDefaultProtocolClient = vi.fn((_scheme: string, ..._rest: unknown[]) => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly isReady = vi.fn(() => true);
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getAppPath = vi.fn(() => process.cwd());
  readonly getName = vi.fn(() => this.name);
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
  readonly registerSchemesAsPrivileged = vi.fn((schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
    this.privileged.push(...schemes);
  });
  readonly handle = vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    this.handlers.set(scheme, handler);
  });
  readonly unhandle = vi.fn((scheme: string) => {
    this.handlers.delete(scheme);
  });
}

function createFake() {
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    protocol: new FakeProtocol(),
    session: { defaultSession: new FakeSession() },
    shell: { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async () => '') },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    },
    /** The OS theme: tests flip `shouldUseDarkColors` and emit 'updated'. */
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' }),
    contextBridge: {
      exposed: new Map<string, unknown>(),
      exposeInMainWorld: vi.fn((key: string, value: unknown) => {
        fake.contextBridge.exposed.set(key, value);
      }),
    },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
      on: vi.fn(),
      removeListener: vi.fn(),
      send: vi.fn(),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template, popup: vi.fn() })),
      setApplicationMenu: vi.fn(),
    },
    /** One 1920×1080 display unless a test attaches others. */
    screen: {
      displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: vi.fn(() => fake.screen.displays[0]!),
      getAllDisplays: vi.fn(() => fake.screen.displays),
    },
  };
}

type FakeElectron = ReturnType<typeof createFake>;
const globalSlot = globalThis as { __quireFakeElectron?: FakeElectron };

/**
 * The fake's state. Members are replaced by `resetFakeElectron`, so read them through `fake`. It
 * lives on globalThis so that a test calling `vi.resetModules()` (to re-run a module's top-level
 * code) still shares one fake with the modules it re-imports.
 */
export const fake: FakeElectron = (globalSlot.__quireFakeElectron ??= createFake());

/** A fresh fake for the next test: registries emptied, spies reset. */
export function resetFakeElectron(): void {
  Object.assign(fake, createFake());
  fake.BrowserWindow.instances = [];
}

/**
 * The module `import … from 'electron'` resolves to. Getters, so a module that imported `app` keeps
 * seeing the current fake after a reset only if it reads it at call time; modules under test are
 * re-imported per test file anyway.
 */
export const electronModule = {
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
};
