import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import Ajv from 'ajv';
import { Arch, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { targets } from '../../main/build/targets';
import { RELEASE_PRODUCT_ID } from '../../main/core/updates/release-product';
import { flipPackagedFuses, type FuseTool } from '../../main/packaging/after-pack';
import {
  builderArch,
  electronBinaryPath,
  fuseConfigFor,
  fuseTable,
  fusesNotAsConfigured,
  unchangedFuses,
  type PackTarget,
} from '../../main/packaging/fuses';

const root = path.resolve(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  productName: string;
  main: string;
  scripts: Record<string, string>;
};
const rawConfig: unknown = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

// app-builder-lib is electron-builder's own dependency: resolve it from there, not
// from wherever npm happened to hoist it.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const schema = JSON.parse(readFileSync(requireFromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

/**
 * electron-builder's schema, compiled strictly. Two settings make it compile:
 * - `typeof` is a keyword from ajv-keywords that the schema uses for "or a function"
 *   (hooks may be functions in a JS config); defined here with its real meaning rather
 *   than switching strict mode off, which would also hide misspelt keywords.
 * - `allowUnionTypes`: the schema writes `"type": ["null", "string"]` throughout.
 * No `coerceTypes` (electron-builder itself coerces): `asar: "false"` must fail here.
 */
function compileBuilderSchema() {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({
    keyword: 'typeof',
    schemaType: 'string',
    validate: (expected: string, data: unknown) => typeof data === expected,
  });
  return ajv.compile(schema);
}

const validateConfig = compileBuilderSchema();

/** The parsed file as electron-builder's type, once the schema has accepted it. */
function builderConfig(): Configuration {
  expect(validateConfig(rawConfig), JSON.stringify(validateConfig.errors, null, 2)).toBe(true);
  return rawConfig as Configuration;
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    expect(validateConfig(rawConfig), JSON.stringify(validateConfig.errors, null, 2)).toBe(true);
  });

  it('is rejected by the same schema when an option is misspelt or mistyped (the check can fail)', () => {
    const config = rawConfig as Configuration;
    expect(validateConfig({ ...config, nsis: { ...config.nsis, oneClik: false } })).toBe(false);
    expect(validateConfig({ ...config, asar: 'false' })).toBe(false);
  });

  it('names the product as package.json does', () => {
    const config = builderConfig();
    expect(config.appId).toMatch(/^org\.unodc\.[a-z.]+\.pcu-workstation$/);
    expect(config.productName).toBe('PCU Workstation');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources/build' });
  });

  it('packs the app into an integrity-checked asar', () => {
    const config = builderConfig();
    expect(config.asar).toBe(true);
    // With the integrity fuse on and no hashes embedded, the installed app would not start.
    expect(config.disableAsarIntegrity).toBeUndefined();
    // Native modules and the import worker must be real files; nothing else leaves the integrity-checked archive.
    expect(config.asarUnpack).toEqual(['**/*.node', 'out/worker/**']);
  });

  it('ships only the built output and runtime resources: no tests, sources, maps, CLI or hook', () => {
    const files = builderConfig().files as string[];
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    const excluded = files.filter((pattern) => pattern.startsWith('!'));
    const runtimeRoots = ['out/main/', 'out/preload/', 'out/worker/', 'out/renderer/', 'resources/'];
    for (const pattern of included) {
      expect(pattern === 'package.json' || runtimeRoots.some((dir) => pattern.startsWith(dir)), pattern).toBe(true);
      expect(pattern).not.toMatch(/^(main|renderer|shared)\//);
      expect(pattern).not.toMatch(/(^|\/)(test|tests|src)(\/|$)/);
      expect(pattern).not.toMatch(/^out\/(cli|packaging)\//);
    }
    expect(included).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/worker/**', 'out/renderer/**']));
    expect(excluded).toEqual(expect.arrayContaining(['!**/*.map', '!resources/build/**']));
  });

  it("starts Electron from the built main bundle, the same file as package.json's main", () => {
    const config = builderConfig();
    expect(config.extraMetadata).toEqual({ main: 'out/main/index.cjs' });
    expect(packageJson.main).toBe('out/main/index.cjs');
  });

  it('builds an assisted, per-machine NSIS installer for Windows', () => {
    const config = builderConfig();
    expect(config.win?.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      runAfterFinish: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds a per-machine MSI for Group Policy, with a fixed upgrade code so each MSI replaces the last', () => {
    const msi = builderConfig().msi;
    expect(msi).toMatchObject({ perMachine: true, oneClick: false, runAfterFinish: false, artifactName: 'PCU-Workstation-${version}.${ext}' });
    expect(msi?.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('builds an AppImage and a deb for Linux, with the desktop metadata a deb needs', () => {
    const linux = builderConfig().linux;
    expect(linux?.target).toEqual(['AppImage', 'deb']);
    expect(['Office', 'Utility']).toContain(linux?.category);
    expect(linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(linux?.synopsis).toBeTruthy();
    expect(linux?.executableName).toBe('pcu-workstation');
  });

  it('rebuilds native modules for Electron at packaging time only, never on npm install', () => {
    expect(builderConfig().npmRebuild).toBe(true);
    // From the package's sources, never a prebuilt binary downloaded while packaging.
    expect(builderConfig().buildDependenciesFromSource).toBe(true);
    // Tests run on Node 20's ABI: an install-time rebuild for Electron's ABI breaks them.
    for (const hook of ['preinstall', 'install', 'postinstall']) {
      expect(packageJson.scripts, hook).not.toHaveProperty(hook);
    }
    for (const [name, script] of Object.entries(packageJson.scripts)) {
      expect(script, `scripts.${name}`).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild/);
    }
  });

  it('flips fuses in the afterPack hook only, never also through electronFuses', () => {
    const config = builderConfig();
    expect(config.afterPack).toBe('./out/packaging/after-pack.cjs');
    expect(config.electronFuses).toBeUndefined();
    expect(existsSync(path.join(root, 'main/packaging/after-pack.ts'))).toBe(true);
  });

  it('writes update metadata for the generic provider, with a feed URL that can never resolve', () => {
    // Stated, not absent: absent lets a GH_TOKEN in the build environment publish to GitHub.
    // The app always replaces the URL with the source IT configures (main/core/updates).
    expect(builderConfig().publish).toEqual({ provider: 'generic', url: 'https://updates.invalid/pcu-workstation/', channel: 'latest' });
  });

  it('names the product the release signatures carry, and ships the pinned release key inside app.asar', () => {
    const config = builderConfig();
    expect(config.appId).toBe(RELEASE_PRODUCT_ID);
    const files = config.files as string[];
    expect(files).toContain('resources/**');
    expect(files.filter((pattern) => pattern.startsWith('!resources/'))).toEqual(['!resources/build/**']);
    expect(existsSync(path.join(root, 'resources/update/release-public-key.pem'))).toBe(true);
    // Inside the asar, so the integrity fuse covers it: never unpacked beside it.
    expect(config.asarUnpack).not.toContain('resources/**');
  });
});

describe('the afterPack hook build', () => {
  const hookFile = path.join(root, 'out/packaging/after-pack.cjs');

  it('is a build target: main/packaging/after-pack.ts compiles to the file electron-builder.yml names', () => {
    // electron-builder require()s the hook on plain Node 20, which cannot load .ts.
    const hookTargets = Object.values(targets).filter((config) => {
      const lib = config.build?.lib;
      return lib !== false && lib !== undefined && lib.entry === path.join(root, 'main/packaging/after-pack.ts');
    });
    expect(hookTargets, 'no target in main/build/targets.ts builds main/packaging/after-pack.ts').toHaveLength(1);
    const [hook] = hookTargets;
    const lib = hook?.build?.lib;
    const fileName = lib && typeof lib.fileName === 'function' ? lib.fileName('cjs', 'after-pack') : lib && lib.fileName;
    expect(path.join(hook?.build?.outDir ?? '', String(fileName))).toBe(hookFile);
    expect(lib && lib.formats).toEqual(['cjs']);
  });

  const built = existsSync(hookFile);
  if (!built) {
    process.stdout.write(`afterPack load test skipped: ${path.relative(root, hookFile)} is not built; run \`npm run build\`\n`);
  }

  it.skipIf(!built)('loads through electron-builder’s own hook resolver and exports afterPack', async () => {
    const { resolveFunction } = requireFromBuilder('app-builder-lib/out/util/resolve') as {
      resolveFunction: (type: string, executor: string, name: string, rootSearchDir: string) => Promise<unknown>;
    };
    const hook = await resolveFunction('module', hookFile, 'afterPack', root);
    expect(typeof hook).toBe('function');
    expect((hook as { name: string }).name).toBe('afterPack');
  });
});

describe('fuse table', () => {
  it.each([
    ['RunAsNode', false, FuseV1Options.RunAsNode],
    ['EnableNodeOptionsEnvironmentVariable', false, FuseV1Options.EnableNodeOptionsEnvironmentVariable],
    ['EnableNodeCliInspectArguments', false, FuseV1Options.EnableNodeCliInspectArguments],
    ['EnableCookieEncryption', true, FuseV1Options.EnableCookieEncryption],
    ['EnableEmbeddedAsarIntegrityValidation', true, FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
    ['OnlyLoadAppFromAsar', true, FuseV1Options.OnlyLoadAppFromAsar],
    ['GrantFileProtocolExtraPrivileges', false, FuseV1Options.GrantFileProtocolExtraPrivileges],
  ] as const)('sets %s to %s', (_name, wanted, fuse) => {
    expect((fuseTable as Partial<Record<FuseV1Options, boolean>>)[fuse]).toBe(wanted);
  });

  it('leaves LoadBrowserProcessSpecificV8Snapshot and WasmTrapHandlers as Electron ships them', () => {
    expect(unchangedFuses).toEqual([FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, FuseV1Options.WasmTrapHandlers]);
    for (const fuse of unchangedFuses) expect(fuseTable).not.toHaveProperty(String(fuse));
    expect(Object.keys(fuseTable)).toHaveLength(7);
  });

  it("uses electron-builder's Arch numbering", () => {
    expect(builderArch).toEqual({ arm64: Arch.arm64, universal: Arch.universal });
  });

  it('re-signs ad hoc only for macOS builds with an arm64 slice', () => {
    const config = (electronPlatformName: string, arch: Arch) => fuseConfigFor({ electronPlatformName, arch });
    expect(config('darwin', Arch.arm64).resetAdHocDarwinSignature).toBe(true);
    expect(config('darwin', Arch.universal).resetAdHocDarwinSignature).toBe(true);
    expect(config('mas', Arch.arm64).resetAdHocDarwinSignature).toBe(true);
    expect(config('darwin', Arch.x64).resetAdHocDarwinSignature).toBe(false);
    expect(config('linux', Arch.arm64).resetAdHocDarwinSignature).toBe(false);
    expect(config('win32', Arch.x64)).toEqual({ version: FuseVersion.V1, resetAdHocDarwinSignature: false, ...fuseTable });
  });
});

function packTarget(electronPlatformName: string, overrides: Partial<PackTarget['packager']> = {}): PackTarget {
  return {
    appOutDir: path.join('dist', `${electronPlatformName}-unpacked`),
    electronPlatformName,
    arch: Arch.x64,
    packager: { appInfo: { productFilename: 'PCU Workstation' }, ...overrides },
  };
}

describe('electronBinaryPath', () => {
  it('is <productFilename>.exe on Windows', () => {
    expect(electronBinaryPath(packTarget('win32'))).toBe(path.join('dist', 'win32-unpacked', 'PCU Workstation.exe'));
  });

  it("is the Linux packager's executableName on Linux", () => {
    expect(electronBinaryPath(packTarget('linux', { executableName: 'pcu-workstation' }))).toBe(
      path.join('dist', 'linux-unpacked', 'pcu-workstation'),
    );
  });

  it('is the .app bundle on macOS', () => {
    expect(electronBinaryPath(packTarget('darwin'))).toBe(path.join('dist', 'darwin-unpacked', 'PCU Workstation.app'));
    expect(electronBinaryPath(packTarget('mas'))).toBe(path.join('dist', 'mas-unpacked', 'PCU Workstation.app'));
  });

  it('refuses to guess', () => {
    expect(() => electronBinaryPath(packTarget('linux'))).toThrow(/executableName/);
    expect(() => electronBinaryPath(packTarget('freebsd'))).toThrow(/freebsd/);
  });
});

/** A wire as getCurrentFuseWire reports it, every fuse holding `state` unless overridden. */
function wire(state: FuseState, overrides: Partial<Record<FuseV1Options, FuseState>> = {}): FuseConfig<FuseState> {
  const config: Record<number, FuseState> = {};
  for (const [key, wanted] of Object.entries(fuseTable)) {
    config[Number(key)] = state === FuseState.INHERIT ? (wanted ? FuseState.ENABLE : FuseState.DISABLE) : state;
  }
  return { version: FuseVersion.V1, ...config, ...overrides } as FuseConfig<FuseState>;
}

describe('flipPackagedFuses', () => {
  const linux = packTarget('linux', { executableName: 'pcu-workstation' });

  it('flips the binary electron-builder laid out with the fuse table, then reads it back', async () => {
    const tool: FuseTool = {
      flipFuses: vi.fn(async () => 1),
      getCurrentFuseWire: vi.fn(async () => wire(FuseState.INHERIT)),
    };
    const result = await flipPackagedFuses(linux, tool);
    const binary = path.join('dist', 'linux-unpacked', 'pcu-workstation');
    expect(result).toEqual({ binary, wires: 1 });
    expect(tool.flipFuses).toHaveBeenCalledExactlyOnceWith(binary, {
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      ...fuseTable,
    });
    expect(tool.getCurrentFuseWire).toHaveBeenCalledWith(binary);
  });

  it('fails the build when the binary does not hold a fuse (removed, or past the end of the wire)', async () => {
    const tool: FuseTool = {
      flipFuses: async () => 1,
      getCurrentFuseWire: async () => {
        const read = wire(FuseState.INHERIT, { [FuseV1Options.RunAsNode]: FuseState.REMOVED });
        delete (read as Partial<Record<FuseV1Options, FuseState>>)[FuseV1Options.GrantFileProtocolExtraPrivileges];
        return read;
      },
    };
    await expect(flipPackagedFuses(linux, tool)).rejects.toThrow(
      /RunAsNode: wanted off, binary has removed[\s\S]*GrantFileProtocolExtraPrivileges: wanted off, binary has absent/,
    );
  });

  it('names every fuse that is wrong', () => {
    expect(fusesNotAsConfigured(wire(FuseState.INHERIT))).toEqual([]);
    expect(fusesNotAsConfigured(wire(FuseState.ENABLE))).toHaveLength(4);
  });

  describe('with the real @electron/fuses on a stand-in binary', () => {
    let dir: string;
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    // Electron's defaults in the order of FuseV1Options: RunAsNode on, cookie encryption
    // off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8 snapshot
    // off, file:// privileges on, wasm trap handlers on.
    const shippedWire = '100100011';

    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-fuses-'));
      const binary = Buffer.concat([
        Buffer.alloc(4096, 0x90),
        Buffer.from(sentinel, 'latin1'),
        Buffer.from([1, shippedWire.length]),
        Buffer.from(shippedWire, 'latin1'),
        Buffer.alloc(4096, 0x90),
      ]);
      writeFileSync(path.join(dir, 'pcu-workstation'), binary);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes the table into the wire and leaves the unchanged fuses alone', async () => {
      const result = await flipPackagedFuses({ ...linux, appOutDir: dir }, { flipFuses, getCurrentFuseWire });
      expect(result.wires).toBe(1);
      const bytes = readFileSync(path.join(dir, 'pcu-workstation'));
      const at = bytes.indexOf(sentinel, 0, 'latin1') + sentinel.length + 2;
      expect(bytes.subarray(at, at + shippedWire.length).toString('latin1')).toBe('010011001');
    });
  });
});
