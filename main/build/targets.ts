import { builtinModules } from 'node:module';
import path from 'node:path';
import type { InlineConfig } from 'vite';
import packageJson from '../../package.json';
import { metaContentSecurityPolicy } from '../../shared/security/csp';

/**
 * The four build targets. One renderer build serves both Electron (app://)
 * and the Chromium test harness, so what the tests see is what ships.
 */
export const root = path.resolve(import.meta.dirname, '../..');
export const outDir = path.join(root, 'out');

const nodeExternals = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  // Runtime dependencies stay in node_modules (native modules must).
  ...Object.keys(packageJson.dependencies),
];

const isExternal = (id: string) => nodeExternals.some((name) => id === name || id.startsWith(`${name}/`));

function nodeTarget(name: string, entry: string, fileName: string, external: (id: string) => boolean): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir: path.join(outDir, name),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      ssr: true,
      lib: { entry: path.join(root, entry), formats: ['cjs'], fileName: () => fileName },
      rollupOptions: { external },
    },
    ssr: { noExternal: true, target: 'node' },
  };
}

export const targets: Record<'renderer' | 'main' | 'preload' | 'cli' | 'worker' | 'packaging', InlineConfig> = {
  renderer: {
    configFile: false,
    root: path.join(root, 'renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [
      {
        name: 'pcu-csp',
        // The policy is written out in index.html so it can be read and scanned there;
        // this keeps it from drifting away from the header the app:// protocol sends.
        transformIndexHtml: (html) => {
          if (!html.includes(`content="${metaContentSecurityPolicy}"`)) {
            throw new Error('renderer/index.html: the CSP <meta> differs from shared/security/csp.ts');
          }
          return html;
        },
      },
    ],
    build: {
      outDir: path.join(outDir, 'renderer'),
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: true,
      // Inline assets become data: URLs that the CSP would have to allow; keep them files.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  },
  main: nodeTarget('main', 'main/index.ts', 'index.cjs', isExternal),
  // A sandboxed preload cannot require() anything but 'electron': bundle all of it into one file.
  preload: nodeTarget('preload', 'main/preload/index.ts', 'index.cjs', (id) => id === 'electron'),
  cli: nodeTarget('cli', 'main/cli/pcu.ts', 'pcu.cjs', isExternal),
  // The manifest reader runs in its own thread (heap and time limits); main and CLI find it at ../worker/.
  worker: nodeTarget('worker', 'main/core/manifests/import/parse-worker.ts', 'parse-worker.cjs', isExternal),
  // electron-builder's afterPack hook (electron-builder.yml): it require()s the hook on plain Node 20, which cannot load .ts.
  packaging: nodeTarget('packaging', 'main/packaging/after-pack.ts', 'after-pack.cjs', isExternal),
};
