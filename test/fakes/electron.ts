/**
 * A fake `electron` module for the `shell` test project (vitest.config.ts
 * aliases 'electron' to this file). It implements only what the shell uses,
 * and records what the code configures so tests can assert on it and fire
 * events back: navigations, window.open, permission requests, IPC calls.
 *
 * Where Electron is strict, the fake is too: scheme registration and
 * enableSandbox throw after `ready`, a second `ipcMain.handle` for a channel
 * throws, a second `exposeInMainWorld` key throws. Otherwise a wrong order in
 * the code under test would pass here and fail only in the real app.
 *
 * The production code is typed against the real Electron types; the `as*`
 * helpers at the bottom are the one place a fake object is claimed to be the
 * real type (the fake implements a subset, so the claim is unchecked by design).
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Session,
  WebContents,
  WebContentsPrintOptions,
  WindowOpenHandlerResponse,
} from 'electron';

// ---------------------------------------------------------------- events

/** What Electron passes as the first listener argument: preventDefault plus event fields. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  readonly url?: string;
  readonly isMainFrame?: boolean;
}

export function fakeEvent(fields: { url?: string; isMainFrame?: boolean } = {}): FakeEvent {
  const event: FakeEvent = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ---------------------------------------------------------------- shared state

interface ErrorBox {
  readonly title: string;
  readonly content: string;
}

const state = {
  windows: [] as FakeBrowserWindow[],
  webContents: [] as FakeWebContents[],
  builtMenus: [] as FakeMenu[],
  applicationMenus: [] as Array<FakeMenu | null>,
  openedExternal: [] as string[],
  errorBoxes: [] as ErrorBox[],
  exposedInMainWorld: new Map<string, unknown>(),
  privilegedSchemes: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  /** URLs main fetched through `net.fetch` (update metadata). */
  netFetches: [] as string[],
  /** Order of the calls that must happen before or after `ready`. */
  calls: [] as string[],
  /** What the system print dialog answers to the next `webContents.print` (the manager prints by default). */
  printAnswer: { success: true, failureReason: '' } as { success: boolean; failureReason: string },
  /** Called at the moment of printing, while the page is loaded (a test reads the printed file here). */
  onPrint: null as ((contents: FakeWebContents) => void) | null,
};

let nextWebContentsId = 1;

// ---------------------------------------------------------------- frames, webContents

export class FakeWebFrame {
  constructor(
    public url: string,
    public readonly parent: FakeWebFrame | null = null,
  ) {}

  get top(): FakeWebFrame {
    return this.parent === null ? this : this.parent.top;
  }
}

type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;
type NavigationEventName = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new FakeWebFrame('');
  readonly loadedUrls: string[] = [];
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;

  constructor(readonly session: FakeSession) {
    super();
    state.webContents.push(this);
    // Electron announces every new webContents on the app, synchronously with its creation.
    app.emit('web-contents-created', fakeEvent(), this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Every print request: its options and the URL shown at that moment. */
  readonly printed: Array<{ options: WebContentsPrintOptions | undefined; url: string }> = [];

  /** Records the request; the dialog answers on the next microtask with `fake.printAnswer`. */
  print(options?: WebContentsPrintOptions, callback?: (success: boolean, failureReason: string) => void): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.printed.push({ options, url: this.mainFrame.url });
    state.onPrint?.(this);
    const answer = state.printAnswer;
    queueMicrotask(() => callback?.(answer.success, answer.failureReason));
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  // -- test drivers

  /** Fires a navigation event as Electron would; the returned event tells whether it was prevented. */
  navigate(eventName: NavigationEventName, url: string, isMainFrame = true): FakeEvent {
    const event = fakeEvent({ url, isMainFrame });
    // Electron still passes the deprecated positional arguments after the event.
    this.emit(eventName, event, url, false, isMainFrame, 1, 1);
    return event;
  }

  attachWebview(src: string): FakeEvent {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return event;
  }

  /** What `window.open(url)` in the page would get; throws if no handler is installed (Electron would allow). */
  openWindow(url: string): WindowOpenHandlerResponse {
    if (this.windowOpenHandler === null) throw new Error('no window open handler installed: Electron would allow it');
    return this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
    });
  }
}

// ---------------------------------------------------------------- protocol, session

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    state.calls.push('protocol.registerSchemesAsPrivileged');
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    state.privilegedSchemes.push(...schemes);
  }

  /** Test driver: what the renderer would get for `url`. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (handler === undefined) throw new Error(`no handler for scheme ${scheme}`);
    return handler(new Request(url, init));
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl?: string; embeddingOrigin?: string; isMainFrame: boolean },
) => boolean;
type DevicePermissionHandler = (details: { deviceType: string; origin: string; device: unknown }) => boolean;

export class FakeSession {
  readonly protocol = new FakeProtocol();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }

  // -- test drivers; each throws when no handler is set, because Electron's default then grants.

  requestPermission(permission: string, requestingUrl: string, isMainFrame = true): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (handler === null) throw new Error('no permission request handler: Electron would grant');
    return new Promise((resolve) => handler(null, permission, resolve, { requestingUrl, isMainFrame }));
  }

  checkPermission(
    permission: string,
    requestingOrigin: string,
    details: { requestingUrl?: string; embeddingOrigin?: string; isMainFrame?: boolean } = {},
  ): boolean {
    if (this.permissionCheckHandler === null) throw new Error('no permission check handler: Electron would grant');
    return this.permissionCheckHandler(null, permission, requestingOrigin, { isMainFrame: true, ...details });
  }

  checkDevice(deviceType: 'hid' | 'serial' | 'usb', origin: string): boolean {
    if (this.devicePermissionHandler === null) throw new Error('no device permission handler');
    return this.devicePermissionHandler({ deviceType, origin, device: {} });
  }
}

export const protocol = new FakeProtocol();
export const session: { defaultSession: FakeSession } = { defaultSession: new FakeSession() };

// ---------------------------------------------------------------- windows

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    const chosen: unknown = options.webPreferences?.session;
    this.webContents = new FakeWebContents(chosen instanceof FakeSession ? chosen : session.defaultSession);
    state.windows.push(this);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows.filter((window) => !window.destroyed);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }

  restore(): void {
    this.minimized = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }

  /** Like close, but no 'close' event a page could cancel (Electron's `destroy`). */
  destroy(): void {
    this.close();
  }
}

export { FakeBrowserWindow as BrowserWindow };

// ---------------------------------------------------------------- menu

export class FakeMenu {
  constructor(readonly template: MenuItemConstructorOptions[]) {}

  static buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    const menu = new FakeMenu(template);
    state.builtMenus.push(menu);
    return menu;
  }

  static setApplicationMenu(menu: FakeMenu | null): void {
    state.applicationMenus.push(menu);
  }

  static getApplicationMenu(): FakeMenu | null {
    return state.applicationMenus.at(-1) ?? null;
  }
}

export { FakeMenu as Menu };

// ---------------------------------------------------------------- app

export class FakeApp extends EventEmitter {
  isPackaged = false;
  ready = false;
  sandboxEnabled = false;
  singleInstanceLock = true;
  quitCalls = 0;
  version = '0.1.0';
  locale = 'en-US';
  appPath = '/fake/app';
  paths: Record<string, string> = { userData: '/fake/userData' };

  requestSingleInstanceLock(): boolean {
    state.calls.push('app.requestSingleInstanceLock');
    return this.singleInstanceLock;
  }

  enableSandbox(): void {
    state.calls.push('app.enableSandbox');
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  /** Becomes ready on the next microtask, as if Chromium had just finished starting. */
  whenReady(): Promise<void> {
    state.calls.push('app.whenReady');
    return Promise.resolve().then(() => {
      if (!this.ready) {
        this.ready = true;
        state.calls.push('ready');
        this.emit('ready');
      }
    });
  }

  isReady(): boolean {
    return this.ready;
  }

  getPath(name: string): string {
    const value = this.paths[name];
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    if (this.ready && name === 'userData') throw new Error('userData must be set before ready');
    state.calls.push(`app.setPath:${name}`);
    this.paths[name] = value;
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return this.version;
  }

  getLocale(): string {
    return this.locale;
  }

  quit(): void {
    state.calls.push('app.quit');
    this.quitCalls += 1;
  }

  resetFake(): void {
    this.removeAllListeners();
    Object.assign(this, {
      isPackaged: false,
      ready: false,
      sandboxEnabled: false,
      singleInstanceLock: true,
      quitCalls: 0,
      version: '0.1.0',
      locale: 'en-US',
      appPath: '/fake/app',
      paths: { userData: '/fake/userData' },
    });
  }
}

export const app = new FakeApp();

// ---------------------------------------------------------------- shell, dialog

export const shell = {
  openExternal(url: string): Promise<void> {
    state.openedExternal.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    state.errorBoxes.push({ title, content });
  },
};

// ---------------------------------------------------------------- net

/**
 * `net.fetch` records the URL and then really fetches it with Node's fetch,
 * so a test can point main at a server of its own on 127.0.0.1.
 */
export const net = {
  fetch(input: string, init?: RequestInit): Promise<Response> {
    state.netFetches.push(String(input));
    return globalThis.fetch(input, init);
  },
};

// ---------------------------------------------------------------- IPC, main side

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Test driver: what `ipcRenderer.invoke(channel, ...args)` from `event`'s sender would get. */
  async invoke(channel: string, event: FakeIpcEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(asIpcMainInvokeEvent(event), ...args);
  }
}

export const ipcMain = new FakeIpcMain();

export interface FakeIpcEvent {
  readonly sender: FakeWebContents;
  readonly senderFrame: FakeWebFrame | null;
  readonly processId: number;
  readonly frameId: number;
}

/** An invoke event from `sender`, whose frame is at `url` (null: the frame is gone). */
export function ipcEvent(
  sender: FakeWebContents,
  url: string | null,
  options: { parent?: FakeWebFrame | null } = {},
): FakeIpcEvent {
  return {
    sender,
    senderFrame: url === null ? null : new FakeWebFrame(url, options.parent ?? null),
    processId: 1,
    frameId: 1,
  };
}

// ---------------------------------------------------------------- preload side

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (state.exposedInMainWorld.has(apiKey)) throw new Error(`Cannot bind an API on top of an existing property "${apiKey}"`);
    state.exposedInMainWorld.set(apiKey, api);
  },
};

/** The object Electron passes renderer-side listeners; `sender` is ipcRenderer itself, hence the hazard. */
export interface FakeIpcRendererEvent {
  readonly sender: FakeIpcRenderer;
  readonly senderId: number;
  readonly ports: unknown[];
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  /** What main answers; a test replaces it to simulate a result or a failure. */
  responder: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: null });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve().then(() => this.responder(channel, ...args));
  }

  /** Test driver: a push from main (`webContents.send(channel, payload)`). */
  pushFromMain(channel: string, payload: unknown): FakeIpcRendererEvent {
    const event: FakeIpcRendererEvent = { sender: this, senderId: 0, ports: [] };
    this.emit(channel, event, payload);
    return event;
  }

  resetFake(): void {
    this.removeAllListeners();
    this.invocations.length = 0;
    this.responder = () => ({ ok: true, value: null });
  }
}

export const ipcRenderer = new FakeIpcRenderer();

// ---------------------------------------------------------------- control

/** Everything the fake recorded, for assertions. */
export const fake = {
  get windows(): readonly FakeBrowserWindow[] {
    return state.windows;
  },
  get webContents(): readonly FakeWebContents[] {
    return state.webContents;
  },
  get builtMenus(): readonly FakeMenu[] {
    return state.builtMenus;
  },
  get applicationMenus(): ReadonlyArray<FakeMenu | null> {
    return state.applicationMenus;
  },
  get openedExternal(): readonly string[] {
    return state.openedExternal;
  },
  get errorBoxes(): readonly ErrorBox[] {
    return state.errorBoxes;
  },
  get exposedInMainWorld(): ReadonlyMap<string, unknown> {
    return state.exposedInMainWorld;
  },
  get privilegedSchemes(): ReadonlyArray<{ scheme: string; privileges?: Record<string, boolean> }> {
    return state.privilegedSchemes;
  },
  get netFetches(): readonly string[] {
    return state.netFetches;
  },
  get calls(): readonly string[] {
    return state.calls;
  },
  /** Sets what the print dialog answers from now on (until reset). */
  answerPrint(success: boolean, failureReason = ''): void {
    state.printAnswer = { success, failureReason };
  },
  /** Runs `hook` at each print, while the printed page is loaded. */
  onPrint(hook: ((contents: FakeWebContents) => void) | null): void {
    state.onPrint = hook;
  },
  /** Back to a fresh, not-yet-ready Electron: call in beforeEach. */
  reset(): void {
    state.windows = [];
    state.webContents = [];
    state.builtMenus = [];
    state.applicationMenus = [];
    state.openedExternal = [];
    state.errorBoxes = [];
    state.exposedInMainWorld = new Map();
    state.privilegedSchemes = [];
    state.netFetches = [];
    state.calls = [];
    state.printAnswer = { success: true, failureReason: '' };
    state.onPrint = null;
    app.resetFake();
    protocol.handlers.clear();
    session.defaultSession = new FakeSession();
    ipcMain.removeAllListeners();
    ipcMain.handlers.clear();
    ipcRenderer.resetFake();
  },
};

// ---------------------------------------------------------------- the one unchecked claim

export const asWebContents = (contents: FakeWebContents): WebContents => contents as unknown as WebContents;
export const asSession = (value: FakeSession): Session => value as unknown as Session;
export const asIpcMain = (value: FakeIpcMain): IpcMain => value as unknown as IpcMain;
export const asIpcMainInvokeEvent = (event: FakeIpcEvent): IpcMainInvokeEvent => event as unknown as IpcMainInvokeEvent;
