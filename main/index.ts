import { startApp } from './electron/app-shell';

/**
 * Electron entry: lifecycle and wiring only. Everything with a decision in it
 * lives in main/electron (shell) and main/core (the application itself).
 */
startApp().catch((error: unknown) => {
  // startApp logs its own failures; this is the last net, before any log exists.
  process.stderr.write(`PCU Workstation failed to start: ${String(error)}\n`);
  process.exitCode = 1;
});
