import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/ipc/bridge';
import { isChannelName, isEventName } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/errors';

/**
 * The sandboxed preload: bundled into one CommonJS file that may require only
 * 'electron'. It exposes `window.api = { invoke, on }` and nothing else.
 *
 * Hazards: exposing `ipcRenderer` (or a generic send) would let any script in
 * the page talk on any channel; passing the IpcRendererEvent to page code
 * would hand it `event.sender`, which is ipcRenderer. So names are checked
 * against the contract here, and listeners receive the payload only. Main
 * checks the sender and validates every input again: this is not the only gate.
 */

async function invoke(channel: string, input?: unknown): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    return fail('UNKNOWN_CHANNEL', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
  }
  try {
    // Main answers every contract channel with a Result (see main/electron/ipc.ts).
    return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
  } catch {
    // No handler (main still starting) or the main process failed: errors stay data.
    return fail('INTERNAL', `The call to ${channel} did not reach the application`);
  }
}

function on(event: string, listener: (payload: unknown) => void): () => void {
  if (!isEventName(event)) throw new TypeError(`Unknown event ${JSON.stringify(String(event)).slice(0, 80)}`);
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
}

const api: Bridge = Object.freeze({ invoke, on });

contextBridge.exposeInMainWorld('api', api);
