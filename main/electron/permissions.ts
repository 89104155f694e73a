import type { Session } from 'electron';
import { silentLog, type Log } from '../core/log';
import { describeUrlForLog, isAppUrl } from './app-origin';

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;

/** Every permission name Electron knows, taken from its own types. */
export type ElectronPermission = Parameters<PermissionRequestHandler>[1];

export interface PermissionRule {
  readonly allow: boolean;
  readonly reason: string;
}

const never = (reason: string): PermissionRule => ({ allow: false, reason });

/**
 * Deny by default, one reason per entry. Typed as a Record over Electron's own
 * union, so an Electron upgrade that adds a permission fails the type check
 * until someone decides about it here. Electron's default is to grant almost
 * everything; without this table a compromised page could turn on the camera.
 */
export const permissionPolicy: Readonly<Record<ElectronPermission, PermissionRule>> = {
  'clipboard-sanitized-write': {
    allow: true,
    reason: 'Copy buttons put container, B/L and case numbers on the clipboard as plain text.',
  },
  'clipboard-read': never('Reading the clipboard would expose whatever else the officer copied.'),
  'deprecated-sync-clipboard-read': never('Reading the clipboard would expose whatever else the officer copied.'),
  media: never('No camera or microphone: photos are attached as files.'),
  'display-capture': never('The screen may show other systems; no screen capture.'),
  'captured-surface-control': never('No screen capture, so nothing to control.'),
  geolocation: never('Location is typed by the officer (UN/LOCODE), never sensed.'),
  'geolocation-approximate': never('Location is typed by the officer (UN/LOCODE), never sensed.'),
  notifications: never('Alerts are shown inside the window; no OS notifications leak case data to the lock screen.'),
  midi: never('No musical instruments.'),
  midiSysex: never('No musical instruments.'),
  pointerLock: never('No pointer capture.'),
  keyboardLock: never('The officer must always be able to leave the app with system keys.'),
  fullscreen: never('Full screen is a window command in the View menu, not something a page may take.'),
  'automatic-fullscreen': never('Full screen is a window command in the View menu, not something a page may take.'),
  openExternal: never('External links go only through the allowlist in security.ts.'),
  hid: never('No USB HID devices.'),
  serial: never('No serial devices.'),
  usb: never('No USB devices.'),
  nfc: never('No NFC readers: nothing the app does uses them.'),
  'smart-card': never('Certificates for signing are read by the main process, never by the page.'),
  'idle-detection': never('Session auto-lock is measured inside the app, not by watching the OS.'),
  mediaKeySystem: never('No protected media.'),
  'window-management': never('The page does not place windows or read the screen layout.'),
  fileSystem: never('Files are opened and saved through main-process dialogs only.'),
  'storage-access': never('No third-party content, so no cross-site storage.'),
  'top-level-storage-access': never('No third-party content, so no cross-site storage.'),
  'persistent-storage': never('Data lives in the encrypted database, not in browser storage.'),
  'speaker-selection': never('No audio output.'),
  'local-fonts': never('Fonts ship with the app; enumerating local fonts fingerprints the machine.'),
  'local-network': never('The page opens no network connections.'),
  'local-network-access': never('The page opens no network connections.'),
  'loopback-network': never('The page opens no network connections.'),
  'background-fetch': never('The page opens no network connections.'),
  'background-sync': never('The page opens no network connections.'),
  'periodic-background-sync': never('The page opens no network connections.'),
  'payment-handler': never('The app takes no payments.'),
  'web-app-installation': never('The app is installed by IT, not by a page.'),
  'web-printing': never('Reports are printed from PDFs built in the main process.'),
  'screen-wake-lock': never('The session must be able to lock when the officer walks away.'),
  'system-wake-lock': never('The session must be able to lock when the officer walks away.'),
  sensors: never('No device sensors.'),
  ar: never('No augmented reality.'),
  vr: never('No virtual reality.'),
  'hand-tracking': never('No hand tracking.'),
  unknown: never('A permission Electron cannot name cannot be judged.'),
};

export interface PermissionDecision {
  readonly allow: boolean;
  readonly reason: string;
}

/**
 * Pure: a permission is granted only if the table allows it AND the request
 * comes from the app's own origin. Names missing from the table (a newer
 * Chromium, a typo) are denied.
 */
export function decidePermission(permission: string, requestingUrl: string | null | undefined): PermissionDecision {
  if (!Object.hasOwn(permissionPolicy, permission)) return { allow: false, reason: 'not in the permission table' };
  const rule = permissionPolicy[permission as ElectronPermission];
  if (!isAppUrl(requestingUrl)) return { allow: false, reason: 'not requested by the app origin' };
  return rule;
}

/**
 * Installs the table on a session. Three handlers, because Chromium asks in
 * three ways: a page requesting (e.g. getUserMedia), a page checking
 * (navigator.permissions.query, clipboard), and WebHID/WebUSB/WebSerial device
 * grants, which are all refused.
 */
export function installPermissionHandlers(session: Session, log: Log = silentLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const decision = details.isMainFrame
      ? decidePermission(permission, details.requestingUrl)
      : { allow: false, reason: 'requested by a subframe' };
    if (!decision.allow) {
      log.warn('permission refused', { permission, reason: decision.reason, from: describeUrlForLog(details.requestingUrl) });
    }
    callback(decision.allow);
  });

  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    // Checks are frequent (every clipboard write asks), so they are not logged.
    if (!details.isMainFrame) return false;
    if (details.embeddingOrigin !== undefined && !isAppUrl(details.embeddingOrigin)) return false;
    if (details.requestingUrl !== undefined && !isAppUrl(details.requestingUrl)) return false;
    return decidePermission(permission, requestingOrigin).allow;
  });

  session.setDevicePermissionHandler((details) => {
    log.warn('device permission refused', { deviceType: details.deviceType });
    return false;
  });
}
