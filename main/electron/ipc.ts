import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/errors';
import { describeError, silentLog, type Log } from '../core/log';
import type { Services } from '../core/services';
import { APP_ORIGIN, describeUrlForLog, isAppUrl } from './app-origin';

/** The part of the sender the trust check reads; `IpcMainInvokeEvent` satisfies it. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export interface BindIpcOptions {
  /**
   * The app window's webContents, or null before it exists / after it closed.
   * A getter because IPC is bound before the window is created: the page may
   * call `invoke` the moment it loads.
   */
  readonly appContents: () => WebContents | null;
  readonly log?: Log;
}

/**
 * Only the app's own page, in the top frame of the app's own window, may call.
 * Hazards: a remote page that got loaded somehow (navigation is blocked, but
 * this is the second lock), an iframe, or a second webContents. `senderFrame`
 * is null when the frame navigated away or was destroyed mid-call: refused.
 */
export function isTrustedSender(event: SenderEvent, appContents: WebContents | null): boolean {
  const frame = event.senderFrame;
  // Fakes and destroyed frames may give undefined as well as null.
  if (!frame) return false;
  if (!frame.url.startsWith(`${APP_ORIGIN}/`) || !isAppUrl(frame.url)) return false;
  // Main frame only: a subframe has a parent.
  if (frame.parent !== null) return false;
  // Compared by id: Electron hands out one wrapper per webContents, but the id is the documented identity.
  return appContents !== null && event.sender.id === appContents.id;
}

/**
 * Registers exactly one `ipcMain.handle` per contract channel (names come only
 * from the contract) and forwards service events to the window. Input is not
 * inspected here: `services.invoke` → `dispatch` parses it with the contract.
 * Returns a function that removes every handler and the event forwarding.
 */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  services: Pick<Services, 'invoke' | 'events'>,
  options: BindIpcOptions,
): () => void {
  const log = options.log ?? silentLog;

  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, options.appContents())) {
        log.warn('ipc sender refused', { channel, from: describeUrlForLog(event.senderFrame?.url ?? null) });
        return fail('UNTRUSTED_SENDER', `${channel} refused: the request did not come from the app's window`);
      }
      try {
        return await services.invoke(channel, input);
      } catch (error) {
        // dispatch turns handler errors into data; this is the net for anything around it.
        log.error('ipc call crashed', { channel, ...describeError(error) });
        return fail('INTERNAL', `Internal error in ${channel}; see the application log`);
      }
    });
  }

  const unsubscribe = services.events.subscribe((event, payload) => {
    const contents = options.appContents();
    // A closed window's webContents throws on send; there is simply no one to tell.
    if (contents === null || contents.isDestroyed()) return;
    contents.send(event, payload);
  });

  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
