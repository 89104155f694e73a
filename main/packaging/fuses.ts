import path from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, type FuseConfig, type FuseV1Config } from '@electron/fuses';

/**
 * The Electron fuses the installers ship with. A fuse is a byte in the Electron
 * binary itself, read before any app code runs, so it holds even when someone
 * controls the environment or the command line of an officer's session.
 * Each entry names the attack it closes.
 */
export const fuseTable = {
  // ELECTRON_RUN_AS_NODE=1 would turn the installed, trusted binary into a plain
  // Node.js that runs any script (a "living off the land" binary past app allowlisting).
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS=--require=… would run foreign code inside the main process, which
  // holds the unwrapped database key, before ours.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger into the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Chromium's cookie store encrypted with the OS key store. The app sets no cookies;
  // this keeps it so if a later feature (or a dependency) does.
  [FuseV1Options.EnableCookieEncryption]: true,
  // Refuse an app.asar whose header hash differs from the one embedded at packaging
  // (enforced on Windows and macOS; Linux relies on file permissions).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load the app only from app.asar, never from a resources/app folder dropped beside
  // it: without this the integrity check above is bypassed by adding a folder.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file:// gets no privileges beyond a web page's: the app is served from app://,
  // and a file:// page must not read other local files.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies Partial<Record<FuseV1Options, boolean>>;

/**
 * Fuses deliberately left as Electron ships them: no custom browser-process V8
 * snapshot is built, and the WebAssembly trap handlers are Electron's safe default.
 */
export const unchangedFuses: readonly FuseV1Options[] = [
  FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  FuseV1Options.WasmTrapHandlers,
];

/** builder-util's `Arch` values (electron-builder's `context.arch`); the unit test pins them. */
export const builderArch = { arm64: 3, universal: 4 } as const;

/** The part of electron-builder's AfterPackContext the fuse hook reads. */
export interface PackTarget {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly arch: number;
  readonly packager: {
    readonly appInfo: { readonly productFilename: string };
    /** Only electron-builder's LinuxPackager has it. */
    readonly executableName?: string;
  };
}

/** Platforms whose app is a `.app` bundle (macOS direct and Mac App Store). */
const isMacPlatform = (platform: string) => platform === 'darwin' || platform === 'mas';

/**
 * The config for @electron/fuses' `flipFuses`. On macOS, changing the binary breaks
 * its ad-hoc signature, and Apple Silicon refuses to run an unsigned arm64 binary:
 * @electron/fuses re-signs ad hoc when asked (its README: darwin + arm64). A universal
 * build holds an arm64 slice, so it needs the same.
 */
export function fuseConfigFor(target: Pick<PackTarget, 'electronPlatformName' | 'arch'>): FuseV1Config {
  const arm64Slice = target.arch === builderArch.arm64 || target.arch === builderArch.universal;
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: isMacPlatform(target.electronPlatformName) && arm64Slice,
    ...fuseTable,
  };
}

/**
 * Where electron-builder put the Electron binary it renamed, mirroring its own
 * `addElectronFuses`: `<productFilename>.exe` on Windows, the `<productFilename>.app`
 * bundle on macOS (@electron/fuses finds the framework inside), and the Linux
 * packager's `executableName` (electron-builder lowercases the default, the package
 * name; an explicit `linux.executableName` is used as written, so no lowercasing here
 * or the hook would miss the file).
 */
export function electronBinaryPath(target: PackTarget): string {
  const { appOutDir, electronPlatformName, packager } = target;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'linux':
      if (!packager.executableName) {
        throw new Error('afterPack: the Linux packager has no executableName; cannot find the Electron binary');
      }
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`afterPack: no known Electron binary layout for platform "${electronPlatformName}"`);
  }
}

const stateName = (state: number | undefined): string => {
  switch (state) {
    case FuseState.ENABLE:
      return 'on';
    case FuseState.DISABLE:
      return 'off';
    case FuseState.REMOVED:
      return 'removed';
    case undefined:
      return 'absent';
    default:
      return `unknown (${state})`;
  }
};

/**
 * The fuses a binary does not hold as `fuseTable` says, read back after flipping.
 * Hazard: flipFuses only warns when Electron has marked a fuse removed, and a fuse
 * past the end of an older wire is never written; either way the installer would
 * ship without the protection while the build looked green.
 */
export function fusesNotAsConfigured(wire: FuseConfig<FuseState>): string[] {
  const wrong: string[] = [];
  for (const [key, wanted] of Object.entries(fuseTable)) {
    const fuse = Number(key) as FuseV1Options;
    const actual = wire[fuse];
    if (actual !== (wanted ? FuseState.ENABLE : FuseState.DISABLE)) {
      wrong.push(`${FuseV1Options[fuse]}: wanted ${wanted ? 'on' : 'off'}, binary has ${stateName(actual)}`);
    }
  }
  return wrong;
}
