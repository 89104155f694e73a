import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronMissingAdvice, findElectronBinary } from './electron-binary';
import { root } from './targets';

/**
 * `npm start`: the built app in Electron. Where the binary is missing, say so
 * and what to do, and open the Chromium harness instead if a display exists.
 */
const electron = findElectronBinary();
if (electron.found) {
  const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, PCU_DEV: process.env.PCU_DEV ?? '1' } });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  process.stderr.write(`${electronMissingAdvice}\n`);
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
    process.stderr.write('\nA display is available: starting the interface in Chromium now.\n');
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'test/harness/run-app.ts')], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => {
      process.exitCode = code ?? 1;
    });
  } else {
    process.exitCode = 1;
  }
}
